package io.grapevine.core.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.wire.SharedEntry;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    @Test
    void stampsFollowPhysicalTimeAndCountWithinAMillisecond() {
        HybridClock clock = new HybridClock(0, 1_000);
        long first = clock.tick(5);
        assertThat(HybridClock.millisOf(first)).isEqualTo(5);
        long second = clock.tick(5);
        assertThat(second).isEqualTo(first + 1);
        assertThat(HybridClock.millisOf(clock.tick(9))).isEqualTo(9);
    }

    @Test
    void aStampSeenFromAPeerAheadIsExceededByTheNextLocalStamp() {
        HybridClock clock = new HybridClock(0, 1_000);
        long remote = HybridClock.ofMillis(500) + 7;
        clock.observe(remote, 100);
        assertThat(clock.tick(100)).isGreaterThan(remote);
    }

    @Test
    void aClockFarAheadIsNotAdopted() {
        HybridClock clock = new HybridClock(0, 1_000);
        clock.observe(HybridClock.ofMillis(1_000_000), 100);
        assertThat(HybridClock.millisOf(clock.tick(100))).isEqualTo(100);
    }

    @Test
    void aRestartedReplicaStampsAboveEverythingItsStoreHolds() {
        MemoryKeyStore store = new MemoryKeyStore();
        Keyspace before = new Keyspace(Replicas.SMALL, store);
        SharedEntry old = before.stamp("k", Bytes.EMPTY, false, "n", 10_000);
        before.apply(old, 10_000);
        // the wall clock went back across the restart
        Keyspace after = new Keyspace(Replicas.SMALL, store);
        assertThat(after.stamp("k", Bytes.EMPTY, false, "n", 9_000).hlc()).isGreaterThan(old.hlc());
    }

    @Test
    void equalStampsAreBrokenByWriterThenTombstone() {
        long hlc = HybridClock.ofMillis(1);
        SharedEntry byA = new SharedEntry("k", Bytes.copyOf(new byte[] {9}), hlc, "a", false);
        SharedEntry byB = new SharedEntry("k", Bytes.copyOf(new byte[] {1}), hlc, "b", false);
        assertThat(Precedence.wins(byB, byA)).isTrue();
        assertThat(Precedence.wins(SharedEntry.tombstone("k", hlc, "b"), byB)).isTrue();
        assertThat(Precedence.compare(byA, byA)).isZero();
    }
}
