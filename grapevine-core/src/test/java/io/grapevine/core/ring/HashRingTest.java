package io.grapevine.core.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("node-" + i);
        }
        return names;
    }

    @Test
    void eachRangeHasRfDistinctReplicasInRingOrder() {
        HashRing ring = HashRing.of(names(10), 16, 6, 3);
        for (int p = 0; p < ring.partitions(); p++) {
            assertThat(ring.replicas(p)).hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void rfAllReplicatesEveryRangeOnEveryMember() {
        HashRing ring = HashRing.of(names(7), 4, 4, 0);
        for (int p = 0; p < ring.partitions(); p++) {
            assertThat(ring.replicas(p)).containsExactlyInAnyOrderElementsOf(names(7));
        }
    }

    @Test
    void fewerMembersThanRfReplicateOnAll() {
        HashRing ring = HashRing.of(names(2), 16, 3, 3);
        assertThat(ring.replicas(0)).hasSize(2);
        assertThat(HashRing.of(List.of(), 16, 3, 3).replicas(5)).isEmpty();
    }

    @Test
    void theRingIsAPureFunctionOfTheLiveSet() {
        List<String> reversed = new ArrayList<>(names(9));
        java.util.Collections.reverse(reversed);
        HashRing a = HashRing.of(names(9), 16, 6, 3);
        HashRing b = HashRing.of(reversed, 16, 6, 3);
        for (int p = 0; p < a.partitions(); p++) {
            assertThat(a.replicas(p)).isEqualTo(b.replicas(p));
        }
    }

    @Test
    void removingAMemberMovesOnlyTheRangesItReplicated() {
        HashRing before = HashRing.of(names(10), 16, 8, 3);
        List<String> survivors = new ArrayList<>(names(10));
        survivors.remove("node-4");
        HashRing after = HashRing.of(survivors, 16, 8, 3);
        for (int p = 0; p < before.partitions(); p++) {
            if (!before.isReplica("node-4", p)) {
                assertThat(after.replicas(p)).as("range %d", p).isEqualTo(before.replicas(p));
            } else {
                List<String> kept = new ArrayList<>(before.replicas(p));
                kept.remove("node-4");
                assertThat(after.replicas(p)).containsAll(kept).hasSize(3);
            }
        }
    }

    @Test
    void virtualNodesSpreadRangesRoughlyEvenly() {
        HashRing ring = HashRing.of(names(8), 64, 10, 3);
        Map<String, Integer> held = new HashMap<>();
        for (int p = 0; p < ring.partitions(); p++) {
            for (String replica : ring.replicas(p)) {
                held.merge(replica, 1, Integer::sum);
            }
        }
        double mean = 3.0 * ring.partitions() / 8;
        assertThat(held.values()).allSatisfy(count -> assertThat(count).isBetween((int) (mean * 0.7),
                (int) (mean * 1.3)));
    }

    @Test
    void aKeysRangeIsItsHashsTopBits() {
        assertThat(HashRing.partitionOf(-1L, 6)).isEqualTo(63);
        assertThat(HashRing.partitionOf(0L, 6)).isZero();
        assertThat(HashRing.partitionOf(-1L, 0)).isZero();
    }
}
