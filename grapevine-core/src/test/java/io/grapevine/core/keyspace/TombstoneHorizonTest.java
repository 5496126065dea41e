package io.grapevine.core.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import io.grapevine.core.wire.SharedEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A garbage-collected tombstone never lets a deleted key come back (issue 15 §1, §5): a replica
 * that was away while a key was deleted and its tombstone collected returns with the old
 * value, and whichever side starts the repair, the key stays deleted everywhere.
 */
class TombstoneHorizonTest {
    private static final long HOUR = 3_600_000;

    @Test
    void aReplicaBackFromLongerThanTheGraceDoesNotResurrectACollectedDeletion() {
        Properties.qt(200).forAll(Gens.ints(0, 300), Gens.booleans(), Gens.ints(0, 40), Gens.booleans())
                .checkAssert((deletedKey, awayStarts, otherKeys, viaSecond) -> {
                    Keyspace a = Replicas.fresh();
                    Keyspace b = Replicas.fresh();
                    Keyspace away = Replicas.fresh();
                    long t = 1_000;
                    // every replica holds the keys
                    for (int k = 0; k <= 300; k += 7) {
                        write(List.of(a, b, away), a.stamp("k" + k, value(k), false, "w", t));
                    }
                    String key = "k" + (deletedKey - deletedKey % 7);
                    // 'away' leaves; the key is deleted on a and b, and more keys are written
                    write(List.of(a, b), a.stamp(key, Bytes.EMPTY, true, "w", t + 10));
                    for (int k = 0; k < otherKeys; k++) {
                        write(List.of(a, b), b.stamp("new" + k, value(k), false, "w", t + 20));
                    }
                    // an hour later both collect the tombstone; they kept in sync all along
                    long gc = t + HOUR;
                    int range = a.partitionOf(key);
                    a.markSynced(range, gc);
                    b.markSynced(range, gc);
                    a.raiseHorizon(range, HybridClock.ofMillis(gc - 1));
                    b.raiseHorizon(range, HybridClock.ofMillis(gc - 1));
                    assertThat(a.get(key)).isNull();
                    // 'away' comes back holding the old value, stale (never in sync since), and repairs with one of them
                    assertThat(away.isStale(range, gc + 10)).isTrue();
                    assertThat(a.isStale(range, gc + 10)).isFalse();
                    Keyspace peer = viaSecond ? b : a;
                    if (awayStarts) {
                        Replicas.repairFully(away, peer, gc + 10);
                    } else {
                        Replicas.repairFully(peer, away, gc + 10);
                    }
                    Replicas.repairFully(a, b, gc + 20);
                    for (Keyspace replica : List.of(a, b, away)) {
                        SharedEntry held = replica.get(key);
                        assertThat(held == null || held.tombstone()).as("deleted key is back").isTrue();
                    }
                    assertThat(Replicas.contents(away)).isEqualTo(Replicas.contents(peer));
                });
    }

    /**
     * The other side of the rule: a fresh replica that merely lacks an old value (a range that
     * moved to it, a mail that was lost) takes it from a fresh peer whatever its horizon.
     */
    @Test
    void aFreshReplicaTakesAnOldValueItMerelyLackedFromAFreshPeer() {
        Keyspace a = Replicas.fresh();
        Keyspace b = Replicas.fresh();
        long t = 1_000;
        SharedEntry old = a.stamp("k", value(1), false, "w", t);
        a.apply(old, t);
        long later = t + 2 * HOUR;
        int range = a.partitionOf("k");
        a.markSynced(range, later);
        b.markSynced(range, later);
        b.raiseHorizon(range, HybridClock.ofMillis(later - HOUR));
        Replicas.repairFully(a, b, later + 1);
        assertThat(b.get("k")).isEqualTo(old);
    }

    @Test
    void aTombstoneBelowTheHorizonRemovesTheKeyAtOnce() {
        Keyspace replica = Replicas.fresh();
        replica.apply(replica.stamp("k", value(1), false, "w", 1_000), 1_000);
        int range = replica.partitionOf("k");
        replica.raiseHorizon(range, HybridClock.ofMillis(5_000));
        assertThat(replica.apply(SharedEntry.tombstone("k", HybridClock.ofMillis(2_000), "w"), 6_000))
                .isEqualTo(ApplyOutcome.APPLIED);
        assertThat(replica.get("k")).isNull();
        assertThat(replica.tree(range).root()).isZero();
        SharedEntry old = new SharedEntry("k", value(1), HybridClock.ofMillis(1_000), "w", false);
        assertThat(replica.apply(old, 6_000, true)).as("from a stale replica").isEqualTo(ApplyOutcome.BELOW_HORIZON);
        String other = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "j" + i)
                .filter(key -> replica.partitionOf(key) == range).findFirst().orElseThrow();
        assertThat(replica.apply(SharedEntry.tombstone(other, HybridClock.ofMillis(1_000), "w"), 6_000))
                .as("a collected tombstone").isEqualTo(ApplyOutcome.BELOW_HORIZON);
        assertThat(replica.apply(new SharedEntry(other, value(1), HybridClock.ofMillis(1_000), "w", false), 6_000))
                .as("an old value from a fresh replica").isEqualTo(ApplyOutcome.APPLIED);
    }

    private static Bytes value(int v) {
        return Bytes.copyOf(new byte[] {(byte) v, 1});
    }

    private static void write(List<Keyspace> replicas, SharedEntry entry) {
        for (Keyspace replica : replicas) {
            replica.apply(entry, HybridClock.millisOf(entry.hlc()));
        }
    }
}
