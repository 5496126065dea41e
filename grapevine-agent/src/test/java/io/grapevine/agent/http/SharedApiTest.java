package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /v1/shared/{map}}: a key written through one node's API is read and scanned through another's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedApiTest {
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private Http first;
    private Http third;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("shared", 3);
        first = Http.of(nodes.api(cluster.get(0)));
        third = Http.of(nodes.api(cluster.get(2)));
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    @Test
    void aKeyWrittenOnOneNodeIsReadAndScannedOnAnother() {
        Http.Response written = first.put("/v1/shared/carts/user%2F42", "{\"value\": \"3 apples\"}");

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().get("acks").asInt()).isPositive();
        await().atMost(TestNodes.DEADLINE).until(() -> third.get("/v1/shared/carts/user%2F42").status() == 200);
        JsonNode read = third.get("/v1/shared/carts/user%2F42").json();
        assertThat(read.get("map").asText()).isEqualTo("carts");
        assertThat(read.get("key").asText()).isEqualTo("user/42");
        assertThat(read.get("value").asText()).isEqualTo("3 apples");
        JsonNode scanned = third.get("/v1/shared/carts?prefix=user").json();
        assertThat(scanned.get("user/42").asText()).isEqualTo("3 apples");
    }

    @Test
    void aDeletedKeyIsGoneEverywhereAndAnUnknownOneIs404() {
        assertThat(first.put("/v1/shared/tmp/k", "{\"value\": \"v\"}").status()).isEqualTo(200);
        Http.Response deleted = third.delete("/v1/shared/tmp/k");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        await().atMost(TestNodes.DEADLINE).until(() -> first.get("/v1/shared/tmp/k").status() == 404);
        assertThat(first.get("/v1/shared/tmp/never").error()).contains("holds no key never");
    }

    @Test
    void metricsCountTheSharedEntriesHeldHere() {
        assertThat(first.put("/v1/shared/metrics/k", "{\"value\": \"v\"}").status()).isEqualTo(200);

        await().atMost(TestNodes.DEADLINE).until(() -> first.get("/metrics").body().lines()
                .anyMatch(line -> line.startsWith("grapevine_shared_entries ") && !line.endsWith(" 0.0")));
        assertThat(first.get("/metrics").body()).contains("grapevine_shared_repairs_opened_total",
                "grapevine_shared_entries_repaired_total");
        // ring repair is off here (ringRepairIntervalNanos 0): its series are there, at zero
        Scrape scrape = Scrape.of(first);
        for (String series : List.of("started", "completed", "verified")) {
            assertThat(scrape.require("grapevine_shared_ring_repairs_" + series + "_total")).isZero();
        }
        assertThat(scrape.require("grapevine_shared_ring_entries_repaired_total")).isZero();
    }

    @Test
    void aBodyWithNeitherValueNorBase64Is400() {
        Http.Response response = first.put("/v1/shared/carts/x", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).contains("value");
    }
}
