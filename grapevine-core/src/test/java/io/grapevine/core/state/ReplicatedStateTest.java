package io.grapevine.core.state;

import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.base.KeyPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplicatedStateTest {
    private static final long HOUR = 3_600_000_000_000L;
    private static final NodeId A = new NodeId("a", new Address("10.0.0.1", 1), 1);
    private static final NodeId B = new NodeId("b", new Address("10.0.0.2", 1), 1);
    private final SplitMix64 random = new SplitMix64(1);

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void sync(ReplicatedState from, ReplicatedState to, long now) {
        to.apply(from.delta(to.digest(), Integer.MAX_VALUE, DeltaPolicy.BREADTH_FIRST, random), now);
    }

    @Test
    void everyWriteTakesTheOwnersNextVersionAndIsVisibleAtOnce() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        KeyChange first = a.put("load", text("0.5"), KeyPriority.CONTROL, 0, 0);
        KeyChange second = a.put("role", text("leader"), KeyPriority.CRITICAL, 0, 0);
        KeyChange deleted = a.delete("load", 0).orElseThrow();
        assertThat(first.newVersion()).isEqualTo(1);
        assertThat(second.newVersion()).isEqualTo(2);
        assertThat(deleted.newVersion()).isEqualTo(3);
        assertThat(deleted.deleted()).isTrue();
        assertThat(a.get("a", "role")).contains(Bytes.copyOf(text("leader")));
        assertThat(a.get("a", "load")).isEmpty();
        assertThat(a.localVersion()).isEqualTo(3);
    }

    @Test
    void aPeerLearnsWritesAndDeletesThroughDeltas() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        ReplicatedState b = new ReplicatedState(B, StateConfig.defaults());
        a.put("x", text("1"), KeyPriority.CONTROL, 0, 0);
        sync(a, b, 1);
        assertThat(b.get("a", "x")).contains(Bytes.copyOf(text("1")));
        a.delete("x", 2);
        ApplyResult result = b.apply(a.delta(b.digest(), 10_000, DeltaPolicy.DEPTH_FIRST, random), 3);
        assertThat(result.verdicts()).containsExactly(ApplyVerdict.APPLIED);
        assertThat(result.changes()).singleElement().satisfies(c -> assertThat(c.deleted()).isTrue());
        assertThat(b.get("a", "x")).isEmpty();
        assertThat(a.delta(b.digest(), 10_000, DeltaPolicy.DEPTH_FIRST, random).parts()).isEmpty();
    }

    @Test
    void oversizedKeysAndValuesAreRefusedWithTheLimitNamed() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults().withMaxValueBytes(4).withMaxKeysPerNode(1));
        assertThatThrownBy(() -> a.put("k", new byte[5], KeyPriority.BULK, 0, 0))
                .hasMessageContaining("maxValueBytes");
        assertThatThrownBy(() -> a.put("k".repeat(200), new byte[1], KeyPriority.BULK, 0, 0))
                .hasMessageContaining("maxKeyBytes");
        a.put("k", new byte[1], KeyPriority.BULK, 0, 0);
        assertThatThrownBy(() -> a.put("other", new byte[1], KeyPriority.BULK, 0, 0))
                .hasMessageContaining("maxKeysPerNode");
    }

    @Test
    void aKeyWithATtlIsDeletedWhenItExpires() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        a.put("lease", text("mine"), KeyPriority.CONTROL, 1_000, 0);
        assertThat(a.nextExpiryNanos()).isEqualTo(1_000);
        assertThat(a.expire(999)).isEmpty();
        assertThat(a.expire(1_000)).singleElement().satisfies(c -> assertThat(c.deleted()).isTrue());
        assertThat(a.get("a", "lease")).isEmpty();
    }

    @Test
    void rewritingAKeyCancelsItsOldTtl() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        a.put("lease", text("1"), KeyPriority.CONTROL, 1_000, 0);
        a.put("lease", text("2"), KeyPriority.CONTROL, 0, 10);
        assertThat(a.expire(5_000)).isEmpty();
        assertThat(a.get("a", "lease")).contains(Bytes.copyOf(text("2")));
    }

    @Test
    void garbageCollectedTombstonesDoNotResurrectDeletedKeys() {
        StateConfig config = StateConfig.defaults().withTombstoneGraceNanos(HOUR);
        ReplicatedState a = new ReplicatedState(A, config);
        ReplicatedState b = new ReplicatedState(B, config);
        a.put("gone", text("v"), KeyPriority.CONTROL, 0, 0);
        a.put("kept", text("v"), KeyPriority.CONTROL, 0, 0);
        sync(a, b, 0);
        // b goes away; a deletes and forgets the tombstone
        a.delete("gone", 1);
        a.put("later", text("v"), KeyPriority.CONTROL, 0, 2);
        assertThat(a.collectGarbage(2 * HOUR)).isEqualTo(1);
        // b comes back: only a reset can tell it "gone" was deleted
        Delta delta = a.delta(b.digest(), 10_000, DeltaPolicy.BREADTH_FIRST, random);
        assertThat(delta.parts()).singleElement().satisfies(p -> assertThat(p.reset()).isTrue());
        ApplyResult result = b.apply(delta, 2 * HOUR);
        assertThat(result.verdicts()).containsExactly(ApplyVerdict.RESET);
        assertThat(b.liveEntries("a")).containsOnlyKeys("kept", "later");
        assertThat(result.changes()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("gone");
            assertThat(c.deleted()).isTrue();
        });
        // and b never hands the deleted key back
        assertThat(b.delta(a.digest(), 10_000, DeltaPolicy.BREADTH_FIRST, random).parts()).isEmpty();
    }

    @Test
    void aNewGenerationOfAnOwnerReplacesTheOldState() {
        ReplicatedState old = new ReplicatedState(A, StateConfig.defaults());
        ReplicatedState b = new ReplicatedState(B, StateConfig.defaults());
        old.put("x", text("old"), KeyPriority.CONTROL, 0, 0);
        old.put("y", text("old"), KeyPriority.CONTROL, 0, 0);
        sync(old, b, 0);
        ReplicatedState reborn = new ReplicatedState(new NodeId("a", A.address(), 2), StateConfig.defaults());
        reborn.put("x", text("new"), KeyPriority.CONTROL, 0, 1);
        ApplyResult result = b.apply(reborn.delta(b.digest(), 10_000, DeltaPolicy.BREADTH_FIRST, random), 1);
        assertThat(result.verdicts()).containsExactly(ApplyVerdict.NEW_GENERATION);
        assertThat(b.liveEntries("a")).containsOnlyKeys("x");
        assertThat(b.get("a", "x")).contains(Bytes.copyOf(text("new")));
        // the old life's delta is now stale
        old.put("z", text("zombie"), KeyPriority.CONTROL, 0, 2);
        Delta stale = old.delta(new Digest(java.util.List.of()), 10_000, DeltaPolicy.BREADTH_FIRST, random);
        assertThat(b.apply(stale, 2).verdicts()).contains(ApplyVerdict.STALE_GENERATION);
    }

    @Test
    void criticalKeysOfAQuietNodeAreNotStarvedBehindBulkState() {
        ReplicatedState heavy = new ReplicatedState(A, StateConfig.defaults());
        ReplicatedState quietRelay = new ReplicatedState(new NodeId("q", new Address("10.0.0.3", 1), 1), StateConfig.defaults());
        for (int i = 0; i < 500; i++) {
            heavy.put("bulk-" + i, new byte[100], KeyPriority.BULK, 0, 0);
        }
        quietRelay.put("role", text("leader"), KeyPriority.CRITICAL, 0, 0);
        sync(heavy, quietRelay, 0);
        ReplicatedState fresh = new ReplicatedState(B, StateConfig.defaults());
        Delta delta = quietRelay.delta(fresh.digest(), 1_400, DeltaPolicy.DEPTH_FIRST, random);
        fresh.apply(delta, 1);
        assertThat(fresh.get("q", "role")).isPresent();
    }

    @Test
    void aGapIsRefusedRatherThanSkippingVersions() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        ReplicatedState b = new ReplicatedState(B, StateConfig.defaults());
        a.put("x", text("1"), KeyPriority.CONTROL, 0, 0);
        a.put("y", text("2"), KeyPriority.CONTROL, 0, 0);
        DigestEntry pretend = new DigestEntry(A, KeyPriority.CONTROL, 1, 0);
        Delta onlyNewest = a.delta(new Digest(java.util.List.of(pretend)), 10_000, DeltaPolicy.BREADTH_FIRST, random);
        assertThat(b.apply(onlyNewest, 0).verdicts()).containsExactly(ApplyVerdict.GAP);
        assertThat(b.liveEntries("a")).isEmpty();
    }

    /**
     * A reset applied again (two peers sent it, or a stream exchange crossed a push) rebuilds the
     * stream as it was: it changes nothing and must report nothing. It used to report every
     * entry it carried as a new key (old version 0), which re-emitted key events, re-spread
     * rumors and counted as learning (appliedChanges). Found by StateDeltaFuzzTest.
     */
    @Test
    void aResetAppliedTwiceReportsItsChangesOnce() {
        ReplicatedState a = new ReplicatedState(A, StateConfig.defaults());
        ReplicatedState b = new ReplicatedState(B, StateConfig.defaults());
        a.put("gone", text("v"), KeyPriority.CONTROL, 0, 0);
        a.put("kept", text("v"), KeyPriority.CONTROL, 0, 0);
        a.delete("gone", 1);
        assertThat(a.collectGarbage(2 * HOUR)).isEqualTo(1);
        Delta reset = a.delta(b.digest(), 10_000, DeltaPolicy.BREADTH_FIRST, random);
        assertThat(reset.parts()).singleElement().satisfies(p -> assertThat(p.reset()).isTrue());

        ApplyResult first = b.apply(reset, 2 * HOUR);
        ApplyResult again = b.apply(reset, 2 * HOUR);

        assertThat(first.changes()).singleElement().satisfies(c -> assertThat(c.key()).isEqualTo("kept"));
        assertThat(again.changes()).isEmpty();
        assertThat(b.appliedChanges()).isEqualTo(1);
        assertThat(b.liveEntries("a")).containsOnlyKeys("kept");
    }

    /**
     * A remote entry dropped at maxKeysPerNode leaves a hole, so the watermark must stay below
     * it, even when the part was complete: the receiver then asks again once it has room (here,
     * after forgetting its tombstones). It used to advance to the part's maxVersion anyway, and
     * never learned the dropped key.
     */
    @Test
    void anEntryDroppedAtTheKeyLimitIsFetchedAgainOnceThereIsRoom() {
        StateConfig config = StateConfig.defaults().withMaxKeysPerNode(2).withTombstoneGraceNanos(10);
        ReplicatedState a = new ReplicatedState(A, config);
        ReplicatedState b = new ReplicatedState(B, config);
        a.put("x", text("1"), KeyPriority.CONTROL, 0, 0);
        a.put("y", text("1"), KeyPriority.CONTROL, 0, 0);
        a.delete("x", 0);
        a.delete("y", 0);
        sync(a, b, 0); // b holds a's two tombstones: its limit
        assertThat(a.collectGarbage(100)).isEqualTo(2);
        a.put("z", text("1"), KeyPriority.CONTROL, 0, 100);
        sync(a, b, 5); // b's tombstones are not yet forgotten: z is dropped
        assertThat(b.droppedEntries()).isEqualTo(1);
        assertThat(b.collectGarbage(200)).isEqualTo(2);
        sync(a, b, 200);
        assertThat(b.liveEntries("a")).containsOnlyKeys("z");
    }
}
