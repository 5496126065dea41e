package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.core.ClusterEvent;
import io.grapevine.net.Cluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /v1/event/{name}} and {@code GET /v1/reachability} over a 3-node cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventAndReachabilityApiTest {
    private final TestNodes nodes = new TestNodes();
    private final List<ClusterEvent.UserEventReceived> heardOnLast = new CopyOnWriteArrayList<>();
    private List<Cluster> cluster;
    private Http http;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("fire", 3);
        cluster.get(2).addListener(event -> {
            if (event instanceof ClusterEvent.UserEventReceived received) {
                heardOnLast.add(received);
            }
        });
        http = Http.of(nodes.api(cluster.get(0)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    @Test
    void anEventIsDeliveredEverywhereAndAnsweredAsDeliveredHere() {
        Http.Response response = http.send("POST", "/v1/event/deploy", "v1.2.3".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        JsonNode event = response.json();
        assertThat(event.get("origin").asText()).isEqualTo("fire-0");
        assertThat(event.get("name").asText()).isEqualTo("deploy");
        assertThat(event.get("payload").asText()).isEqualTo("v1.2.3");
        assertThat(event.get("lamportTime").asLong()).isPositive();
        await().atMost(TestNodes.DEADLINE).until(() -> heardOnLast.stream()
                .anyMatch(e -> e.event().name().equals("deploy") && e.event().origin().equals("fire-0")));
    }

    @Test
    void anEventOverTheCoresPayloadLimitIs400WithItsMessage() {
        Http.Response response = http.send("POST", "/v1/event/huge", new byte[600]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("event payload of 600 bytes exceeds maxEventPayloadBytes (512)");
    }

    @Test
    void reachabilityReportsEveryOtherMemberAnsweringOnUdpAndTcp() {
        Http.Response response = http.get("/v1/reachability?waitMillis=500");

        assertThat(response.status()).isEqualTo(200);
        JsonNode answers = response.json();
        assertThat(answers).extracting(a -> a.get("member").asText()).contains("fire-1", "fire-2");
        for (JsonNode answer : answers) {
            assertThat(answer.get("udp").asBoolean()).as("udp of %s", answer).isTrue();
            assertThat(answer.get("tcp").asBoolean()).as("tcp of %s", answer).isTrue();
            assertThat(answer.get("udpRttMillis").asDouble()).isPositive();
            assertThat(answer.get("tcpRttMillis").asDouble()).isPositive();
            assertThat(answer.get("address").asText()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void reachabilityRefusesAWaitOutsideItsRange() {
        Http.Response zero = http.get("/v1/reachability?waitMillis=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error()).isEqualTo("waitMillis must be a whole number in 1..10000, was \"0\"");
        assertThat(http.get("/v1/reachability?waitMillis=soon").status()).isEqualTo(400);
    }
}
