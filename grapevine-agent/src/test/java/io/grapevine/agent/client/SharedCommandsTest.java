package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.run.Agent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code shared put|get|delete|list} against a real 3-agent cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCommandsTest {
    private final ClientAgents agents = new ClientAgents();
    private String first;
    private String third;

    @BeforeAll
    void start() {
        List<Agent> cluster = agents.joined("s-0", "s-1", "s-2");
        first = http(cluster.get(0));
        third = http(cluster.get(2));
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void aKeyPutThroughOneAgentIsReadAndListedThroughAnother() {
        Cli put = Cli.run("shared", "put", "carts", "user/7", "2 pears", "--http-addr", first);

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(put.out()).matches("carts user/7 = 2 pears \\(\\d+ replicas acked\\)\n");
        await().atMost(DEADLINE).until(() -> Cli.run("shared", "get", "carts", "user/7", "--http-addr", third)
                .exitCode() == 0);
        assertThat(Cli.run("shared", "get", "carts", "user/7", "--http-addr", third).out()).isEqualTo("2 pears\n");
        assertThat(Cli.run("shared", "list", "carts", "--prefix", "user", "--http-addr", third).out())
                .contains("user/7").contains("2 pears");
    }

    @Test
    void aDeletedKeyIsGoneAndGettingItFailsWithTheAgentsMessage() {
        assertThat(Cli.run("shared", "put", "tmp", "k", "v", "--http-addr", first).exitCode()).isZero();
        assertThat(Cli.run("shared", "delete", "tmp", "k", "--http-addr", third).exitCode()).isZero();

        await().atMost(DEADLINE).until(() -> Cli.run("shared", "get", "tmp", "k", "--http-addr", first).exitCode() == 1);
        assertThat(Cli.run("shared", "get", "tmp", "k", "--http-addr", first).err()).contains("holds no key k");
    }
}
