package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.gossip;
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

/** {@code join}, {@code leave} and {@code force-leave} against real agents, with their refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipCommandsTest {
    private final ClientAgents agents = new ClientAgents();
    private Agent seed;

    @BeforeAll
    void start() {
        seed = agents.joined("j-0", "j-1").get(0);
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    private Agent joinedToSeed(String name) {
        Agent agent = agents.start(name, c -> c.withJoin(List.of(gossip(seed))));
        await().atMost(DEADLINE).until(() -> status(seed, name).equals(Optional.of(MemberStatus.ALIVE)));
        return agent;
    }

    @Test
    void joinMakesALoneAgentJoinTheClusterThroughASeed() {
        Agent alone = agents.start("j-alone");

        Cli run = Cli.run("join", gossip(seed), "--http-addr", http(alone));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("Joined the cluster through " + gossip(seed).replace(".", "\\.")
                + ": \\d+ live members\n");
        await().atMost(DEADLINE).until(() -> status(seed, "j-alone").equals(Optional.of(MemberStatus.ALIVE)));
    }

    @Test
    void joinWithAMalformedSeedIsTheAgentsMessageAndNoAddressIsExit2() {
        Cli malformed = Cli.run("join", "no-port-here", "--http-addr", http(seed));
        Cli none = Cli.run("join", "--http-addr", http(seed));

        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err().lines()).singleElement().asString().startsWith("grapevine join: ")
                .contains("no-port-here");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().lines()).containsExactly("grapevine join: Missing required parameter: 'ADDR' "
                + "(see 'grapevine join --help')");
    }

    @Test
    void leaveMakesTheAgentLeaveGracefullySoOthersSeeItLeft() {
        Agent leaver = joinedToSeed("j-leaver");

        Cli run = Cli.run("leave", "--http-addr", http(leaver));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Graceful leave complete: the agent at " + http(leaver)
                + " has left the cluster (its process keeps running)\n");
        await().atMost(DEADLINE).until(() -> status(seed, "j-leaver").equals(Optional.of(MemberStatus.LEFT)));
        assertThat(Cli.run("members", "--status", "left", "--http-addr", http(seed)).out()).contains("j-leaver");
    }

    @Test
    void forceLeaveTurnsAFailedMemberIntoALeftOne() {
        Agent crashed = joinedToSeed("j-crashed");
        crashed.halt();
        await().atMost(DEADLINE).until(() -> status(seed, "j-crashed").equals(Optional.of(MemberStatus.DEAD)));

        Cli first = Cli.run("force-leave", "j-crashed", "--http-addr", http(seed));
        Cli again = Cli.run("force-leave", "j-crashed", "--http-addr", http(seed));

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("j-crashed is now left\n");
        assertThat(status(seed, "j-crashed")).contains(MemberStatus.LEFT);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("j-crashed had already left\n");
    }

    @Test
    void forceLeaveRefusesALiveOrUnknownMemberWithTheAgentsMessage() {
        Cli live = Cli.run("force-leave", "j-1", "--http-addr", http(seed));
        Cli unknown = Cli.run("force-leave", "ghost", "--http-addr", http(seed));

        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.err().lines()).containsExactly("grapevine force-leave: j-1 is alive or suspect: only a failed "
                + "member can be forced to leave");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().lines()).containsExactly("grapevine force-leave: no member named ghost (or it is "
                + "this node)");
    }
}
