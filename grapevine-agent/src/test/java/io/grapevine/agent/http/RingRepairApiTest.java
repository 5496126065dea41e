package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Closed-loop ring repair seen through the agent (docs/SHARED-KEYSPACE.md): each round that ends
 * at a node is a {@code ring-repair-completed} event on its {@code /v1/events}, with the entries
 * each hop moved, and the rounds are counted on {@code /metrics}. Three real nodes on loopback,
 * each starting a round every 200 ms (three replicas: the origin holds the token last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RingRepairApiTest {
    private static final long MS = 1_000_000L;
    private final TestNodes nodes = new TestNodes();
    private Http first;

    @BeforeAll
    void startCluster() {
        CoreConfig core = CoreConfig.local().withKeyspace(k -> k.withPartitionBits(2).withReplicationFactor(3)
                .withRingRepairIntervalNanos(200 * MS).withRingRepairHopNanos(50 * MS));
        List<Cluster> cluster = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cluster.add(nodes.start("ring-" + i, b -> b.core(core).plaintext()));
        }
        TestNodes.joinAll(cluster);
        first = Http.of(nodes.api(cluster.get(0)));
        for (int k = 0; k < 20; k++) {
            assertThat(first.put("/v1/shared/ring/k" + k, "{\"value\": \"v" + k + "\"}").status()).isEqualTo(200);
        }
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    @Test
    void aRoundThatEndsHereIsAnEventWithTheEntriesOfEachHop() {
        try (SseReader events = SseReader.connected(first.base(), "")) {
            SseReader.Event round = events.awaitEvent(e -> e.type().equals("ring-repair-completed")
                    && e.json().get("verified").asBoolean());

            JsonNode report = round.json();
            assertThat(round.id()).isPresent();
            assertThat(report.get("origin").asText()).isEqualTo("ring-0");
            assertThat(report.get("partition").asInt()).isBetween(0, 3);
            assertThat(report.get("round").asLong()).isPositive();
            assertThat(report.get("walk")).hasSize(3);
            assertThat(report.get("walk").get(0).asText()).isEqualTo("ring-0");
            assertThat(report.get("skipped")).isEmpty();
            assertThat(report.get("steps").asInt()).isEqualTo(3);
            JsonNode hops = report.get("entriesPerHop");
            assertThat(hops).hasSize(3);
            long sum = 0;
            for (JsonNode hop : hops) {
                assertThat(hop.asLong()).isNotNegative();
                sum += hop.asLong();
            }
            assertThat(report.get("entriesRepaired").asLong()).isEqualTo(sum);
            assertThat(report.get("atMillis").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void metricsCountTheRoundsStartedEndedAndVerifiedHere() {
        await().atMost(TestNodes.DEADLINE).until(() ->
                Scrape.of(first).require("grapevine_shared_ring_repairs_verified_total") >= 2);

        Scrape scrape = Scrape.of(first);
        double started = scrape.require("grapevine_shared_ring_repairs_started_total");
        double completed = scrape.require("grapevine_shared_ring_repairs_completed_total");
        double verified = scrape.require("grapevine_shared_ring_repairs_verified_total");
        // three replicas: every round this node started ends here (one may be in flight, and the meters are read
        // one after another)
        assertThat(completed).isBetween(started - 2, started + 1);
        assertThat(verified).isBetween(2.0, completed);
        assertThat(scrape.require("grapevine_shared_ring_entries_repaired_total")).isNotNegative();
        assertThat(scrape.text()).contains("# HELP grapevine_shared_ring_repairs_started_total closed-loop ring");
    }
}
