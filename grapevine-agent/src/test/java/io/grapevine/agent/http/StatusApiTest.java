package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/info}, {@code /v1/health} and {@code /metrics} on real nodes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusApiTest {
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private HttpApi api;
    private Http http;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("status", 3);
        api = HttpApi.start(cluster.get(0), HttpSettings.defaults().withPort(0),
                List.of(registry -> Counter.builder("handler.runs").tag("handler", "test").register(registry)
                        .increment(2)));
        http = Http.of(api);
    }

    @AfterAll
    void stopCluster() {
        api.close();
        nodes.close();
    }

    @Test
    void infoNamesTheNodeItsAddressesVersionMemberCountsAndTraffic() {
        await().atMost(TestNodes.DEADLINE).until(() -> cluster.get(0).metrics().core().packetsSent() > 0);

        JsonNode info = http.get("/v1/info").json();

        assertThat(info.get("node").asText()).isEqualTo("status-0");
        assertThat(info.get("gossipAddress").asText()).isEqualTo(TestNodes.seedOf(cluster.get(0)));
        assertThat(info.get("httpAddress").asText()).isEqualTo("127.0.0.1:" + api.port());
        assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("encrypted").asBoolean()).isFalse();
        assertThat(info.get("members").get("alive").asInt()).isGreaterThanOrEqualTo(3); // the health test adds one
        assertThat(info.get("members").get("dead").asInt()).isZero();
        assertThat(info.get("metrics").get("packetsSent").asLong()).isPositive();
        assertThat(info.get("metrics").get("coreFailures").asLong()).isZero();
    }

    @Test
    void healthIs503UntilTheNodeJoinedAndAgreesThen200() {
        Cluster late = nodes.start("status-late", b -> b.plaintext().joinTimeout(Duration.ofSeconds(20)));
        Http lateApi = Http.of(nodes.api(late));
        late.join(List.of("127.0.0.1:9")); // nobody answers there

        Http.Response waiting = lateApi.get("/v1/health");
        assertThat(waiting.status()).isEqualTo(503);
        assertThat(waiting.json().get("healthy").asBoolean()).isFalse();
        assertThat(waiting.json().get("reason").asText()).isEqualTo("not joined: no seed has answered");

        lateApi.post("/v1/join", Http.json(Map.of("seeds", List.of(TestNodes.seedOf(cluster.get(0))))));

        await().atMost(TestNodes.DEADLINE).until(() -> lateApi.get("/v1/health").status() == 200);
        JsonNode healthy = lateApi.get("/v1/health").json();
        assertThat(healthy.get("healthy").asBoolean()).isTrue();
        assertThat(healthy.get("reason").asText()).isEmpty();
        assertThat(healthy.get("liveMembers").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(healthy.get("disagreeing")).isEmpty();
    }

    @Test
    void metricsAreGrapevinePrefixedPrometheusTextWithTheClustersCounters() {
        await().atMost(TestNodes.DEADLINE).until(() -> Scrape.of(http).require("grapevine_packets_received_total") > 0
                && Scrape.of(http).require("grapevine_probe_rtt_median_seconds") > 0);
        Http.Response response = http.get("/metrics");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        Scrape scrape = Scrape.of(http);
        assertThat(scrape.samples()).allMatch(line -> line.startsWith("grapevine_"));
        assertThat(scrape.require("grapevine_members{status=\"alive\"}")).isGreaterThanOrEqualTo(3);
        assertThat(scrape.require("grapevine_members{status=\"dead\"}")).isZero();
        assertThat(scrape.require("grapevine_packets_sent_total")).isPositive();
        assertThat(scrape.require("grapevine_bytes_sent_total")).isPositive();
        assertThat(scrape.require("grapevine_bytes_received_total")).isPositive();
        assertThat(scrape.require("grapevine_drops_total{layer=\"core\",reason=\"bad_magic\"}")).isZero();
        assertThat(scrape.require("grapevine_drops_total{layer=\"runtime\",reason=\"decrypt_failed\"}")).isZero();
        assertThat(scrape.require("grapevine_core_failures_total")).isZero();
        assertThat(scrape.require("grapevine_rumor_queue_length")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.require("grapevine_health_score")).isZero();
        assertThat(scrape.require("grapevine_probe_rtt_p99_seconds")).isPositive();
        assertThat(scrape.require("grapevine_suspicions_total{outcome=\"started\"}")).isGreaterThanOrEqualTo(0);
        assertThat(scrape.require("grapevine_sse_clients")).isZero();
    }

    @Test
    void metricsIncludeMetersBoundByTheAgentWithThePrefixAdded() {
        assertThat(Scrape.of(http).require("grapevine_handler_runs_total{handler=\"test\"}")).isEqualTo(2);

        Counter.builder("handler.failures").register(api.meterRegistry()).increment();

        assertThat(Scrape.of(http).require("grapevine_handler_failures_total")).isEqualTo(1);
    }

    @Test
    void aFailedNodeCountsASuspicionStartedAndConfirmedAndShowsDead() {
        List<Cluster> small = nodes.joined("sus", 2);
        Http watcher = Http.of(nodes.api(small.get(0)));

        small.get(1).close();

        await().atMost(TestNodes.DEADLINE).until(() -> Scrape.of(watcher).require("grapevine_members{status=\"dead\"}") == 1);
        Scrape scrape = Scrape.of(watcher);
        assertThat(scrape.require("grapevine_suspicions_total{outcome=\"started\"}")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.require("grapevine_suspicions_total{outcome=\"confirmed\"}")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.require("grapevine_members{status=\"alive\"}")).isEqualTo(1);
    }

    @Test
    void aFailureOfOursIs500WithTheExceptionNamed() {
        Cluster stopped = nodes.start("status-stopped");
        Http orphan = Http.of(nodes.api(stopped));
        stopped.close();

        Http.Response response = orphan.get("/v1/members");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error()).startsWith("internal error (java.lang.IllegalStateException)")
                .endsWith("the agent's log has the stack trace");
    }
}
