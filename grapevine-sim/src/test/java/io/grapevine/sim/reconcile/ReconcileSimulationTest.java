package io.grapevine.sim.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.state.DeltaPolicy;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.wire.VersionedEntry;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReconcileSimulationTest {
    private static final ReconcileConfig SMALL = ReconcileConfig.defaults().withNodes(8).withKeys(50);
    private static final ReconcileConfig STARVATION = ReconcileConfig.defaults()
            .withWorkload(ReconcileWorkload.STARVATION).withHeavy(8, 200, 2_000, KeyPriority.BULK).withQuietRound(30)
            .withMaxRounds(130);

    @ParameterizedTest
    @EnumSource(ReconcilePolicy.class)
    void everyPolicyConvergesOnASmallLoadWithinABound(ReconcilePolicy policy) {
        ReconcileResult result = ReconcileSimulation.run(SMALL, policy, KeyPriority.CONTROL, 3);
        assertThat(result.finished()).isTrue();
        // 7 x 50 entries to learn, about 20 per delta and 2 deltas per round: >= 9 rounds; part overheads double it at most
        assertThat(result.rounds()).isBetween(9, 30);
        assertThat(result.entries()).isGreaterThanOrEqualTo(8L * 7 * 50);
    }

    @ParameterizedTest
    @EnumSource(ReconcilePolicy.class)
    void sameSeedSameResult(ReconcilePolicy policy) {
        assertThat(ReconcileSimulation.run(SMALL, policy, KeyPriority.CONTROL, 9))
                .isEqualTo(ReconcileSimulation.run(SMALL, policy, KeyPriority.CONTROL, 9));
    }

    @ParameterizedTest
    @EnumSource(value = DeltaPolicy.class)
    void scuttlebuttReplicasEndIdentical(DeltaPolicy policy) {
        Identities ids = new Identities(8);
        ScuttlebuttReplicas replicas = new ScuttlebuttReplicas(ids, policy, 1_336, new SplitMix64(5));
        writeAndConverge(replicas, 8, 50);
        for (int node = 0; node < 8; node++) {
            for (int owner = 0; owner < 8; owner++) {
                String name = ids.id(owner).name();
                assertThat(replicas.state(node).liveEntries(name)).hasSize(50)
                        .isEqualTo(replicas.state(owner).liveEntries(name));
            }
        }
    }

    @Test
    void preciseReplicasEndIdentical() {
        PreciseReplicas replicas = new PreciseReplicas(new Identities(8), 1_336, new SplitMix64(5));
        writeAndConverge(replicas, 8, 50);
        for (int node = 0; node < 8; node++) {
            for (int owner = 0; owner < 8; owner++) {
                for (int k = 0; k < 50; k++) {
                    VersionedEntry own = replicas.entry(owner, owner, key(k));
                    assertThat(replicas.entry(node, owner, key(k))).isNotNull().isEqualTo(own);
                }
            }
        }
    }

    /** Writes twice per key (so precise has overwrites to reconcile), then runs rounds until converged. */
    private static void writeAndConverge(Replicas replicas, int nodes, int keys) {
        SplitMix64 random = new SplitMix64(11);
        for (int pass = 0; pass < 2; pass++) {
            for (int node = 0; node < nodes; node++) {
                for (int k = 0; k < keys; k++) {
                    replicas.write(node, key(k), new byte[] {(byte) pass, (byte) k}, KeyPriority.CONTROL, 0);
                }
            }
        }
        Traffic traffic = new Traffic(nodes, 1_400);
        int rounds = 0;
        while (!replicas.converged()) {
            assertThat(++rounds).isLessThanOrEqualTo(60);
            for (int node = 0; node < nodes; node++) {
                int peer = random.nextInt(nodes - 1);
                replicas.exchange(node, peer >= node ? peer + 1 : peer, rounds * 1_000_000_000L, traffic);
            }
        }
    }

    private static String key(int k) {
        return String.format(Locale.ROOT, "k%05d", k);
    }

    @Test
    void preciseSendsFarMoreDigestBytesThanScuttlebuttOnTheBigLoad() {
        // the first 5 rounds of 64 nodes x 1,000 keys: a Scuttlebutt digest is a row per owner
        // (about 1.3 kB); a precise version list is a row per key held (7 to 450 kB)
        ReconcileConfig big = ReconcileConfig.defaults().withMaxRounds(5);
        ReconcileResult precise = ReconcileSimulation.run(big, ReconcilePolicy.PRECISE, KeyPriority.CONTROL, 1);
        ReconcileResult depth = ReconcileSimulation.run(big, ReconcilePolicy.DEPTH_FIRST, KeyPriority.CONTROL, 1);
        ReconcileResult breadth = ReconcileSimulation.run(big, ReconcilePolicy.BREADTH_FIRST, KeyPriority.CONTROL, 1);
        assertThat(precise.digestBytes()).isGreaterThan(5 * depth.digestBytes()).isGreaterThan(5 * breadth.digestBytes());
        // same budget, so the entries themselves cost about the same
        assertThat((double) precise.deltaBytes()).isCloseTo(breadth.deltaBytes(),
                org.assertj.core.data.Percentage.withPercentage(10));
    }

    @Test
    void criticalQuietKeyIsNotStarvedByBulkWritersUnderDepthFirst() {
        ReconcileResult result = ReconcileSimulation.run(STARVATION, ReconcilePolicy.DEPTH_FIRST, KeyPriority.CRITICAL, 1);
        assertThat(result.finished()).isTrue();
        assertThat(result.stalenessWorst()).isLessThanOrEqualTo(8);
        assertThat(result.quietReached()).isEqualTo(64);
    }

    @Test
    void sameClassQuietKeyIsStarvedByDepthFirstButNotByBreadthFirst() {
        ReconcileResult depth = ReconcileSimulation.run(STARVATION, ReconcilePolicy.DEPTH_FIRST, KeyPriority.BULK, 1);
        ReconcileResult breadth = ReconcileSimulation.run(STARVATION, ReconcilePolicy.BREADTH_FIRST, KeyPriority.BULK, 1);
        assertThat(depth.finished()).as("depth-first: quiet key everywhere within 100 rounds").isFalse();
        assertThat(depth.stalenessWorst()).isNaN();
        assertThat(breadth.finished()).isTrue();
        assertThat(breadth.stalenessWorst()).isLessThanOrEqualTo(8);
    }

    @Test
    void oneHeavyWriterOnlyDelaysASameClassQuietKey() {
        // one writer can push out only ~2 deltas a round, so exchanges between the others are
        // rarely full and depth-first still lets the quiet key through
        ReconcileConfig one = STARVATION.withHeavy(1, 200, 2_000, KeyPriority.BULK);
        ReconcileResult depth = ReconcileSimulation.run(one, ReconcilePolicy.DEPTH_FIRST, KeyPriority.BULK, 1);
        assertThat(depth.finished()).isTrue();
        assertThat(depth.stalenessWorst()).isLessThanOrEqualTo(20);
    }

    @Test
    void configNamesTheBadField() {
        assertThatThrownBy(() -> SMALL.withNodes(1)).hasMessageStartingWith("nodes");
        assertThatThrownBy(() -> SMALL.withKeys(0)).hasMessageStartingWith("keys");
        assertThatThrownBy(() -> SMALL.withBudgetBytes(10)).hasMessageStartingWith("budgetBytes");
        assertThatThrownBy(() -> SMALL.withHeavy(8, 200, 2_000, KeyPriority.BULK)).hasMessageStartingWith("heavyWriters");
        assertThatThrownBy(() -> SMALL.withHeavy(1, 300, 200, KeyPriority.BULK)).hasMessageStartingWith("heavyKeys");
        assertThatThrownBy(() -> SMALL.withQuietRound(0)).hasMessageStartingWith("quietRound");
    }
}
