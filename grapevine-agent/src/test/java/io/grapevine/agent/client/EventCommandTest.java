package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.agent.run.Agent;
import io.grapevine.core.ClusterEvent;
import io.grapevine.core.dissemination.DeliveredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code grapevine event}: a user event fired through one agent reaches the other; an oversized one is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventCommandTest {
    private final ClientAgents agents = new ClientAgents();
    private final List<DeliveredEvent> heard = new CopyOnWriteArrayList<>();
    private List<Agent> cluster;

    @BeforeAll
    void start() {
        cluster = agents.joined("u-0", "u-1");
        cluster.get(1).cluster().addListener(event -> {
            if (event instanceof ClusterEvent.UserEventReceived received) {
                heard.add(received.event());
            }
        });
    }

    @AfterAll
    void stop() {
        agents.close();
    }

    @Test
    void anEventWithAPayloadIsDispatchedAndReachesTheOtherMember() {
        Cli run = Cli.run("event", "deploy", "v1.2.3", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("Event 'deploy' dispatched \\(6 bytes, lamport time \\d+\\)\n");
        await().atMost(DEADLINE).until(() -> heard.stream().anyMatch(e -> e.name().equals("deploy")));
        DeliveredEvent event = heard.stream().filter(e -> e.name().equals("deploy")).findFirst().orElseThrow();
        assertThat(new String(event.payload().toArray(), StandardCharsets.UTF_8)).isEqualTo("v1.2.3");
        assertThat(event.origin()).isEqualTo("u-0");
    }

    @Test
    void anEventWithoutAPayloadHasAnEmptyOne() {
        Cli run = Cli.run("event", "ping", "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Event 'ping' dispatched (0 bytes,");
    }

    @Test
    void anOversizedPayloadIsTheAgentsMessage() {
        Cli run = Cli.run("event", "big", "x".repeat(513), "--http-addr", http(cluster.get(0)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("grapevine event: ").contains("512");
        assertThat(run.out()).isEmpty();
    }
}
