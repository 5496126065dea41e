package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.net.Cluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /v1/join}, {@code /v1/leave} and {@code /v1/force-leave/{name}}: a 2-node cluster with
 * an API on the first; each test that changes membership brings its own extra node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinLeaveApiTest {
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private Http http;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("ops", 2);
        http = Http.of(nodes.api(cluster.get(0)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    private String statusOf(String name) {
        return http.get("/v1/members/" + name).json().path("status").asText();
    }

    @Test
    void joinThroughASeedAnswersTheLiveMemberCount() {
        Cluster newcomer = nodes.start("ops-newcomer");
        Http api = Http.of(nodes.api(newcomer));

        Http.Response response = api.post("/v1/join", Http.json(Map.of("seeds",
                List.of(TestNodes.seedOf(cluster.get(0))))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("liveMembers").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(TestNodes.DEADLINE).until(() -> "alive".equals(statusOf("ops-newcomer")));
    }

    @Test
    void aMalformedSeedIs400NamingIt() {
        Http.Response response = http.post("/v1/join", "{\"seeds\": [\"no-port-here\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("no-port-here");
    }

    @Test
    void joinWithoutSeedsIs400() {
        assertThat(http.post("/v1/join", "{\"seeds\": []}").status()).isEqualTo(400);
        Http.Response missing = http.post("/v1/join", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("\"seeds\" must be an array of strings");
    }

    @Test
    void aJoinNoSeedAnswersIs504AfterTheJoinTimeout() {
        Cluster lonely = nodes.start("ops-lonely", b -> b.plaintext().joinTimeout(Duration.ofSeconds(1)));
        Http api = Http.of(nodes.api(lonely));

        Http.Response response = api.post("/v1/join", "{\"seeds\": [\"127.0.0.1:9\"]}");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.error()).startsWith("no seed answered within the join timeout");
    }

    @Test
    void leaveAnswersOnceItSpreadAndPeersSeeTheNodeLeft() {
        Cluster leaver = nodes.start("ops-leaver");
        leaver.join(List.of(TestNodes.seedOf(cluster.get(0))));
        await().atMost(TestNodes.DEADLINE).until(() -> "alive".equals(statusOf("ops-leaver")));

        Http.Response response = Http.of(nodes.api(leaver)).post("/v1/leave", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("left").asBoolean()).isTrue();
        await().atMost(TestNodes.DEADLINE).until(() -> "left".equals(statusOf("ops-leaver")));
    }

    @Test
    void forceLeaveOfAFailedMemberAnswersLeft() {
        Cluster doomed = nodes.start("ops-doomed");
        doomed.join(List.of(TestNodes.seedOf(cluster.get(0))));
        await().atMost(TestNodes.DEADLINE).until(() -> "alive".equals(statusOf("ops-doomed")));
        doomed.close();
        await().atMost(TestNodes.DEADLINE).until(() -> "dead".equals(statusOf("ops-doomed")));

        Http.Response response = http.post("/v1/force-leave/ops-doomed", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("result").asText()).isEqualTo("left");
        assertThat(statusOf("ops-doomed")).isEqualTo("left");
    }

    @Test
    void forceLeaveOfALiveMemberIs409() {
        Http.Response response = http.post("/v1/force-leave/ops-1", "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo("ops-1 is alive or suspect: only a failed member can be forced to leave");
    }

    @Test
    void forceLeaveOfAnUnknownMemberIs404() {
        Http.Response response = http.post("/v1/force-leave/nobody", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).startsWith("no member named nobody");
    }
}
