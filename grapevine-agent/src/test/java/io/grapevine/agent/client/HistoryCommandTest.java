package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static io.grapevine.agent.client.ClientAgents.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.run.Agent;
import io.grapevine.core.base.MemberStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code grapevine history NAME}: a member's transitions, when and on whose word, after it joined and failed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryCommandTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";
    private final ClientAgents agents = new ClientAgents();
    private List<Agent> cluster;

    @BeforeAll
    void start() {
        cluster = agents.joined("h-0", "h-1", "h-2");
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void aJoinedMembersHistoryShowsItJoiningOnItsOwnWord() {
        Cli run = Cli.run("history", "h-1", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("h-1 at " + ClientAgents.gossip(cluster.get(1)).replace(".", "\\.")
                + ": alive for .+, incarnation 0, generation \\d+");
        assertThat(lines.get(1)).matches("WHEN +AGO +CHANGE +STATUS +INCARNATION +ON WORD OF +DETAIL");
        assertThat(lines.get(2)).matches(TIME + " +[\\d.]+ (ms|s) +joined +alive +0 +h-1.*");
    }

    @Test
    void aFailedMembersHistorySaysWhoSuspectedIt() {
        Agent victim = agents.start("h-victim", c -> c.withJoin(List.of(ClientAgents.gossip(cluster.get(0)))));
        Agent observer = cluster.get(0);
        await().atMost(DEADLINE).until(() -> status(observer, "h-victim").equals(Optional.of(MemberStatus.ALIVE)));
        victim.halt();
        await().atMost(DEADLINE).until(() -> status(observer, "h-victim").equals(Optional.of(MemberStatus.DEAD)));

        Cli run = Cli.run("history", "h-victim", "--http-addr", http(observer));

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("h-victim at ").contains(": dead for ");
        assertThat(lines).anyMatch(l -> l.matches(TIME + " +.+ +joined +alive +0 +h-victim.*"));
        assertThat(lines).anyMatch(l -> l.matches(TIME + " +.+ +suspected +suspect +0 +h-\\d.*"));
        assertThat(lines).anyMatch(l -> l.matches(TIME + " +.+ +failed +dead +0 +h-.*"));
    }

    @Test
    void anUnknownMemberIsTheAgents404() {
        Cli run = Cli.run("history", "h-9", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("grapevine history: no member named h-9");
    }
}
