package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.agent.run.Agent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code grapevine reachability}: who answers on UDP and TCP, the summary line, a lone agent, a bad wait. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachabilityCommandTest {
    private final ClientAgents agents = new ClientAgents();
    private List<Agent> cluster;

    @BeforeAll
    void start() {
        cluster = agents.joined("p-0", "p-1", "p-2");
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void everyLiveMemberAnswersOnUdpAndTcp() {
        Cli run = Cli.run("reachability", "--wait-ms", "2000", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("MEMBER +ADDRESS +UDP +TCP");
        assertThat(lines.get(1)).matches("p-1 +" + ClientAgents.gossip(cluster.get(1)).replace(".", "\\.")
                + " +ok \\(\\d+\\.\\d\\d ms\\) +ok \\(\\d+\\.\\d\\d ms\\)");
        assertThat(lines.get(2)).startsWith("p-2 ");
        assertThat(lines.get(3)).isEqualTo("Successfully contacted all live members over UDP and TCP (2)");
    }

    @Test
    void aLoneAgentHasNobodyToContact() {
        Agent alone = agents.start("p-alone");

        Cli run = Cli.run("reachability", "--http-addr", http(alone));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No other live member to contact.\n");
    }

    @Test
    void aWaitOutOfRangeIsABadFlag() {
        Cli run = Cli.run("reachability", "--wait-ms", "0", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("grapevine reachability: --wait-ms must be in 1..10000: 0 "
                + "(see 'grapevine reachability --help')");
    }
}
