package io.grapevine.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.state.ApplyResult;
import io.grapevine.core.state.DeltaPolicy;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.state.StateConfig;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the Scuttlebutt state-delta merge
 * ({@link ReplicatedState#apply}). The fuzzer drives two genuine owners (writes, deletes, class
 * moves, tombstone collection, restarts as a new generation), cuts their deltas against current
 * or stale digests of a receiver with any byte budget and either policy, and delivers them in
 * any order, duplicated or lost, mixed with forged deltas about other owners (any flags and
 * versions the {@link DeltaPart} constructor admits). After every delivery it asserts what the
 * state promises: nothing escapes {@code apply}; the delta survives the wire unchanged;
 * applying it again (a delta with one part per stream, as every node cuts them, that dropped
 * nothing at the key limit) changes nothing and reports no change (idempotence); a genuine owner's key
 * never goes back a version, and every entry held is one the owner wrote; a watermark is
 * truthful (every live entry the owner holds at or below it is held); no owner holds more than
 * {@code maxKeysPerNode} entries and no more than {@code maxOwners} owners are held. At the end,
 * after tombstone collection, a few anti-entropy rounds converge the receiver on each owner's
 * live keys, whatever happened before (anti-entropy alone guarantees convergence). Runs the seed
 * corpus with every build; {@code JAZZER_FUZZ=1} fuzzes (docs/RELIABILITY.md, "Fuzzing").
 */
class StateDeltaFuzzTest {
    private static final long GRACE_NANOS = 1_000;
    private static final StateConfig CONFIG = StateConfig.defaults().withMaxKeysPerNode(6).withMaxOwners(5)
            .withMaxValueBytes(16).withTombstoneGraceNanos(GRACE_NANOS);
    /** More keys than an owner may hold, so the limit is reached. */
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"};
    private static final String[] OWNERS = {"a", "b"};
    /** Forged owners: with self, a and b they are more than maxOwners. */
    private static final String[] FORGED = {"x0", "x1", "x2", "x3"};
    private static final KeyPriority[] PRIORITIES = KeyPriority.values();
    private static final NodeId RECEIVER = id("r", 1);
    private static final int MAX_STEPS = 96;
    private static final int CONVERGENCE_ROUNDS = 6;

    private static NodeId id(String name, long generation) {
        return new NodeId(name, new Address("10.0.0.9", 7946), generation);
    }

    /** One genuine owner: its state and every entry each of its generations wrote. */
    private static final class Owner {
        final String name;
        ReplicatedState state;
        final Map<Long, Set<VersionedEntry>> written = new HashMap<>();

        Owner(String name) {
            this.name = name;
            this.state = new ReplicatedState(id(name, 1), CONFIG);
        }

        long generation() {
            return state.self().generation();
        }

        Set<VersionedEntry> wrote() {
            return written.computeIfAbsent(generation(), g -> new HashSet<>());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void mergingAnyDeltasKeepsTheStateInvariants(FuzzedDataProvider data) {
        ReplicatedState receiver = new ReplicatedState(RECEIVER, CONFIG);
        Owner[] owners = {new Owner(OWNERS[0]), new Owner(OWNERS[1])};
        SplitMix64 random = new SplitMix64(data.consumeLong());
        long[] now = {1};
        List<Delta> inFlight = new ArrayList<>();
        List<Digest> pastDigests = new ArrayList<>();
        pastDigests.add(receiver.digest());
        // both genuine owners are held first, so forged ones cannot take their places
        for (Owner owner : owners) {
            write(owner, "k0", new byte[] {1}, KeyPriority.CONTROL, now[0]);
            deliver(receiver, owners, owner.state.delta(receiver.digest(), 1 << 16, DeltaPolicy.BREADTH_FIRST,
                    random), now[0]);
        }
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            now[0] += data.consumeLong(0, 2 * GRACE_NANOS);
            Owner owner = owners[data.consumeInt(0, owners.length - 1)];
            switch (data.consumeInt(0, 9)) {
                case 0, 1 -> {
                    String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
                    KeyPriority priority = PRIORITIES[data.consumeInt(0, PRIORITIES.length - 1)];
                    byte[] value = data.consumeBytes(CONFIG.maxValueBytes());
                    if (owner.state.entry(owner.name, key).isPresent() || entryCount(owner.state, owner.name)
                            < CONFIG.maxKeysPerNode()) {
                        write(owner, key, value, priority, now[0]);
                    }
                }
                case 2 -> {
                    String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
                    owner.state.delete(key, now[0]).ifPresent(change -> owner.wrote().add(
                            owner.state.entry(owner.name, key).orElseThrow()));
                }
                case 3 -> owner.state.collectGarbage(now[0]);
                case 4 -> receiver.collectGarbage(now[0]);
                case 5 -> {
                    Digest against = data.consumeBoolean() ? receiver.digest()
                            : pastDigests.get(data.consumeInt(0, pastDigests.size() - 1));
                    DeltaPolicy policy = data.consumeBoolean() ? DeltaPolicy.BREADTH_FIRST : DeltaPolicy.DEPTH_FIRST;
                    Delta delta = owner.state.delta(against, data.consumeInt(16, 600), policy, random);
                    if (!delta.parts().isEmpty()) {
                        inFlight.add(delta);
                    }
                }
                case 6 -> {
                    // a rumor or direct mail: one key's part
                    String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
                    KeyPriority priority = PRIORITIES[data.consumeInt(0, PRIORITIES.length - 1)];
                    if (owner.state.holds(owner.name, key, priority)) {
                        inFlight.add(new Delta(List.of(owner.state.partFor(owner.name, key, priority)), false));
                    }
                }
                case 7 -> {
                    if (!inFlight.isEmpty()) {
                        int at = data.consumeInt(0, inFlight.size() - 1);
                        Delta delta = data.consumeBoolean() ? inFlight.remove(at) : inFlight.get(at);
                        deliver(receiver, owners, delta, now[0]);
                        pastDigests.add(receiver.digest());
                    }
                }
                case 8 -> deliver(receiver, owners, forged(data), now[0]);
                default -> {
                    if (data.consumeInt(0, 7) == 0) {
                        // a restart: the owner's next life starts with one key (an empty life has no
                        // digest row, so state sync cannot tell it from the old one: membership reaps that)
                        owner.state = new ReplicatedState(id(owner.name, owner.generation() + 1), CONFIG);
                        write(owner, "k0", new byte[] {2}, KeyPriority.CONTROL, now[0]);
                    }
                }
            }
        }
        // anti-entropy alone converges: whatever was lost, duplicated or reordered above
        for (int round = 0; round < CONVERGENCE_ROUNDS; round++) {
            now[0] += GRACE_NANOS + 1;
            receiver.collectGarbage(now[0]);
            for (Owner owner : owners) {
                owner.state.collectGarbage(now[0]);
                deliver(receiver, owners, owner.state.delta(receiver.digest(), 1 << 16, DeltaPolicy.BREADTH_FIRST,
                        random), now[0]);
            }
        }
        for (Owner owner : owners) {
            assertThat(receiver.liveEntries(owner.name)).as("converged on %s", owner.name)
                    .isEqualTo(owner.state.liveEntries(owner.name));
        }
    }

    private static void write(Owner owner, String key, byte[] value, KeyPriority priority, long nowNanos) {
        long before = owner.state.localVersion();
        KeyChange change = owner.state.put(key, value, priority, 0, nowNanos);
        if (change.newVersion() == before + 2) {
            // a class move: the old class got a tombstone first
            owner.wrote().add(new VersionedEntry(key, Bytes.EMPTY, before + 1, true));
        }
        owner.wrote().add(new VersionedEntry(key, Bytes.copyOf(value), change.newVersion(), false));
    }

    /** A delta about forged owners: anything the part constructor admits. */
    private static Delta forged(FuzzedDataProvider data) {
        List<DeltaPart> parts = new ArrayList<>();
        int count = data.consumeInt(1, 3);
        for (int i = 0; i < count; i++) {
            NodeId owner = id(FORGED[data.consumeInt(0, FORGED.length - 1)], data.consumeInt(1, 3));
            KeyPriority priority = PRIORITIES[data.consumeInt(0, PRIORITIES.length - 1)];
            boolean reset = data.consumeBoolean();
            boolean complete = data.consumeBoolean();
            long from = data.consumeLong(0, 40);
            long gc = data.consumeLong(0, 40);
            List<VersionedEntry> entries = new ArrayList<>();
            long version = from;
            int n = data.consumeInt(0, 8);
            for (int e = 0; e < n; e++) {
                version += data.consumeLong(1, 4);
                String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
                boolean tombstone = data.consumeBoolean();
                Bytes value = tombstone ? Bytes.EMPTY : Bytes.copyOf(data.consumeBytes(CONFIG.maxValueBytes()));
                entries.add(new VersionedEntry(key, value, version, tombstone));
            }
            long max = version + data.consumeLong(0, 4);
            parts.add(new DeltaPart(owner, priority, reset, from, gc, max, complete, entries));
        }
        return new Delta(parts, data.consumeBoolean());
    }

    /** Delivers {@code delta} and checks every promise of the merge. */
    private static void deliver(ReplicatedState receiver, Owner[] owners, Delta delta, long nowNanos) {
        // what goes on the wire comes off it unchanged
        StatePush push = new StatePush(delta);
        Decoded decoded = WireCodec.decode(WireCodec.encodePacket("", id("s", 1), List.of(push)), "", 65_535);
        assertThat(decoded).isInstanceOfSatisfying(Decoded.Ok.class,
                ok -> assertThat(ok.packet().messages()).containsExactly(push));

        Snapshot before = Snapshot.of(receiver);
        long droppedBefore = receiver.droppedEntries();
        ApplyResult first = receiver.apply(delta, nowNanos);
        boolean droppedSome = receiver.droppedEntries() > droppedBefore;
        assertThat(first.verdicts()).hasSameSizeAs(delta.parts());
        Snapshot after = Snapshot.of(receiver);

        // idempotent: the same delta again changes nothing, and says so. Only for a delta with one part per
        // stream, as every node cuts them: the parts of a forged one about the same stream apply one after the
        // other like separate deltas (a part past a GAP applies the second time, once another filled it).
        // And only when nothing was dropped at maxKeysPerNode: a later part may have made room (a reset of
        // another class), and a dropped entry is documented to be fetched again, so the second time stores it
        ApplyResult again = receiver.apply(delta, nowNanos);
        if (onePartPerStream(delta) && !droppedSome) {
            assertThat(again.changes()).as("changes reported by %s applied twice (verdicts %s, then %s)", delta,
                    first.verdicts(), again.verdicts()).isEmpty();
            assertThat(Snapshot.of(receiver)).as("state after %s applied twice", delta).isEqualTo(after);
        }

        // bounded: owners, and entries per owner
        Set<String> held = new HashSet<>();
        for (DigestEntry row : receiver.digest().entries()) {
            held.add(row.owner().name());
        }
        assertThat(held.size()).isLessThanOrEqualTo(CONFIG.maxOwners());
        for (String name : after.entries.keySet()) {
            assertThat(entryCount(receiver, name)).as("entries held of %s", name)
                    .isLessThanOrEqualTo(CONFIG.maxKeysPerNode());
        }
        for (Owner owner : owners) {
            checkGenuine(receiver, owner, before, after, first);
        }
    }

    /** Monotonic versions, sound entries and truthful watermarks for a genuine owner. */
    private static void checkGenuine(ReplicatedState receiver, Owner owner, Snapshot before, Snapshot after,
                                     ApplyResult result) {
        Long generationBefore = before.generations.get(owner.name);
        Long generationAfter = after.generations.get(owner.name);
        Map<String, VersionedEntry> was = before.entries.getOrDefault(owner.name, Map.of());
        Map<String, VersionedEntry> is = after.entries.getOrDefault(owner.name, Map.of());
        if (generationAfter != null && generationAfter.equals(generationBefore)) {
            for (Map.Entry<String, VersionedEntry> old : was.entrySet()) {
                VersionedEntry now = is.get(old.getKey());
                if (now != null) {
                    assertThat(now.version()).as("version of %s/%s", owner.name, old.getKey())
                            .isGreaterThanOrEqualTo(old.getValue().version());
                } else if (!old.getValue().tombstone()) {
                    // a live key vanishes only by a reset that reports its deletion
                    assertThat(result.changes()).anyMatch(c -> c.key().equals(old.getKey()) && c.deleted());
                }
            }
        }
        if (generationAfter != null) {
            Set<VersionedEntry> wrote = owner.written.getOrDefault(generationAfter, Set.of());
            for (VersionedEntry entry : is.values()) {
                assertThat(wrote).as("entries %s wrote", owner.name).contains(entry);
            }
        }
        if (generationAfter == null || generationAfter != owner.generation()) {
            return;
        }
        for (DigestEntry row : receiver.digest().entries()) {
            if (!row.owner().name().equals(owner.name)) {
                continue;
            }
            for (String key : KEYS) {
                if (!owner.state.holds(owner.name, key, row.priority())) {
                    continue;
                }
                VersionedEntry mine = owner.state.partFor(owner.name, key, row.priority()).entries().get(0);
                if (!mine.tombstone() && mine.version() <= row.maxVersion()) {
                    assertThat(receiver.holds(owner.name, key, row.priority()))
                            .as("%s's %s (%s, v%d) held below the watermark %d", owner.name, key, row.priority(),
                                    mine.version(), row.maxVersion())
                            .isTrue();
                }
            }
        }
    }

    /** As every delta a node cuts: at most one part per owner life and class (forged ones may repeat). */
    private static boolean onePartPerStream(Delta delta) {
        Set<String> streams = new HashSet<>();
        for (DeltaPart part : delta.parts()) {
            if (!streams.add(part.owner() + "/" + part.priority())) {
                return false;
            }
        }
        return true;
    }

    private static int entryCount(ReplicatedState state, String owner) {
        int count = 0;
        for (String key : KEYS) {
            for (KeyPriority priority : PRIORITIES) {
                if (state.holds(owner, key, priority)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** What a receiver holds, as far as the public API shows it. */
    private record Snapshot(List<DigestEntry> digest, Map<String, Long> generations,
                            Map<String, Map<String, VersionedEntry>> entries, Map<String, Set<String>> streams) {
        static Snapshot of(ReplicatedState state) {
            Map<String, Long> generations = new HashMap<>();
            for (DigestEntry row : state.digest().entries()) {
                generations.put(row.owner().name(), row.owner().generation());
            }
            Map<String, Map<String, VersionedEntry>> entries = new HashMap<>();
            Map<String, Set<String>> streams = new HashMap<>();
            for (String owner : generations.keySet()) {
                Map<String, VersionedEntry> byKey = new HashMap<>();
                Set<String> where = new HashSet<>();
                for (String key : KEYS) {
                    Optional<VersionedEntry> entry = state.entry(owner, key);
                    entry.ifPresent(e -> byKey.put(key, e));
                    for (KeyPriority priority : PRIORITIES) {
                        if (state.holds(owner, key, priority)) {
                            where.add(key + "@" + priority);
                        }
                    }
                }
                entries.put(owner, byKey);
                streams.put(owner, where);
            }
            return new Snapshot(state.digest().entries(), generations, entries, streams);
        }
    }
}
