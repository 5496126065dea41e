package io.grapevine.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.keyspace.ApplyOutcome;
import io.grapevine.core.keyspace.ComparisonStep;
import io.grapevine.core.keyspace.EntriesReceived;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.LeafId;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.keyspace.PairRepair;
import io.grapevine.core.keyspace.Precedence;
import io.grapevine.core.keyspace.RangeComparison;
import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.LeafRef;
import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHash;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.MerkleInSync;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing (Jazzer) of the shared keyspace's Merkle repair: two replicas take
 * fuzzer-built entries, forged repair messages ({@link MerkleHashes}, {@link MerkleEntries},
 * {@link MerkleInSync}: any ranges, levels, indices, hashes, horizons and staleness, in range or
 * not), genuine repairs between them over a lossy link, horizon raises and the passing of time.
 * After every step it asserts what the keyspace promises: nothing escapes; every message
 * survives the wire unchanged; each Merkle tree equals the tree rebuilt from the store; no
 * replica holds more than {@code maxKeys} entries nor an answer more than the byte budget; a
 * key's entry at or above its range's horizon only moves up the last-writer-wins order, and an
 * entry leaves only below the horizon; horizons and the clock never go back; no tombstone older than the horizon is held;
 * a {@code MerkleEntries} naming each key once (as replicas send them) applied twice changes
 * nothing the second time. Last, what
 * {@link Precedence} promises: the fuzzer's entries merged in order, reversed and twice give
 * the same replica (commutative, idempotent), each key's winner being the greatest entry. Runs
 * the seed corpus with every build; {@code JAZZER_FUZZ=1} fuzzes (docs/RELIABILITY.md).
 */
class KeyspaceRepairFuzzTest {
    private static final MerkleShape SHAPE = new MerkleShape(4, 2);
    private static final KeyspaceConfig CONFIG = KeyspaceConfig.defaults().withPartitionBits(1).withMerkle(SHAPE)
            .withMaxKeys(10).withMaxValueBytes(24).withMaxKeyBytes(8).withMaxRepairBytes(1024)
            .withTombstoneGraceNanos(200_000_000L);
    private static final int BUDGET = CONFIG.maxRepairBytes();
    /** More keys than a replica may hold, so the limit is reached; the last ones are over maxKeyBytes. */
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10",
        "k11", "k12", "k13", "long-key-0", "long-key-1"};
    private static final String[] WRITERS = {"n1", "n2", "n3"};
    private static final NodeId SENDER = new NodeId("s", new Address("10.0.0.9", 7946), 1);
    private static final int MAX_STEPS = 64;

    /** One replica, its store (to rebuild its trees from) and what was last seen of it. */
    private static final class Replica {
        final MemoryKeyStore store = new MemoryKeyStore();
        final Keyspace keyspace = new Keyspace(CONFIG, store);
        Map<String, SharedEntry> entries = new HashMap<>();
        long[] horizons = new long[CONFIG.partitions()];
        long clock;
    }

    @FuzzTest(maxDuration = "10s")
    void repairMessagesKeepTheKeyspaceConsistent(FuzzedDataProvider data) {
        Replica[] replicas = {new Replica(), new Replica()};
        List<SharedEntry> given = new ArrayList<>();
        long millis = 1_000;
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            millis += data.consumeLong(0, 150);
            Replica to = replicas[data.consumeInt(0, 1)];
            Replica other = to == replicas[0] ? replicas[1] : replicas[0];
            switch (data.consumeInt(0, 6)) {
                case 0, 1 -> {
                    SharedEntry entry = entry(data);
                    given.add(entry);
                    to.keyspace.apply(entry, millis, data.consumeBoolean());
                }
                case 2 -> compare(to, other, hashes(data, to, other), millis);
                case 3 -> entries(to, forgedEntries(data, given), millis);
                case 4 -> {
                    MerkleInSync notice = inSync(data, to);
                    roundTrip(notice);
                    List<Integer> inSync = RangeComparison.onInSync(to.keyspace, notice, millis);
                    for (int range : inSync) {
                        assertThat(range).isBetween(0, CONFIG.partitions() - 1);
                        assertThat(to.keyspace.isStale(range, millis)).isFalse();
                    }
                }
                case 5 -> {
                    long seed = data.consumeLong();
                    PairRepair.run(to.keyspace, other.keyspace, List.of(0, 1), millis,
                            KeyspaceRepairFuzzTest::roundTrip, message -> (Long.rotateLeft(seed, message.hashCode())
                                    & 3) != 0);
                }
                default -> to.keyspace.raiseHorizon(data.consumeInt(0, CONFIG.partitions() - 1),
                        data.consumeLong(0, 1L << 26));
            }
            for (Replica replica : replicas) {
                check(replica);
            }
        }
        mergeIsCommutativeAndIdempotent(given, millis);
    }

    /** Compares {@code hashes} at {@code to} and delivers its answer's entries to {@code other}, as the repair room does. */
    private static void compare(Replica to, Replica other, MerkleHashes hashes, long millis) {
        roundTrip(hashes);
        if (hashes.fanout() != SHAPE.fanout() || hashes.depth() != SHAPE.depth()) {
            return; // the room drops another shape (MERKLE_SHAPE_MISMATCH) before comparing
        }
        ComparisonStep step = RangeComparison.compare(to.keyspace, hashes, p -> true, BUDGET, millis);
        assertThat(step.deeper().size()).isLessThanOrEqualTo(
                Math.max(SHAPE.fanout(), BUDGET / RangeComparison.MAX_HASH_ITEM_BYTES));
        for (MerkleHash item : step.deeper()) {
            assertThat(valid(item.partition(), item.level(), item.index())).as("deeper %s", item).isTrue();
            assertThat(item.hash()).isEqualTo(to.keyspace.tree(item.partition()).hash(item.level(), item.index()));
        }
        for (LeafId leaf : step.leaves()) {
            assertThat(valid(leaf.partition(), leaf.level(), leaf.index())).as("leaf %s", leaf).isTrue();
        }
        for (int range : step.matchedRanges()) {
            assertThat(to.keyspace.isStale(range, millis)).isFalse();
        }
        RangeComparison.inSyncNotice(to.keyspace, step).ifPresent(KeyspaceRepairFuzzTest::roundTrip);
        if (!step.deeper().isEmpty()) {
            roundTrip(new MerkleHashes(SHAPE.fanout(), SHAPE.depth(), step.deeper()));
        }
        if (!step.leaves().isEmpty()) {
            MerkleEntries mine = RangeComparison.entriesOf(to.keyspace, step.leaves(), true, BUDGET, millis);
            assertThat(bytes(mine.entries())).isLessThanOrEqualTo(BUDGET);
            entries(other, mine, millis);
        }
    }

    /** Applies {@code message} at {@code to} twice: the second time must change nothing. */
    private static void entries(Replica to, MerkleEntries message, long millis) {
        roundTrip(message);
        EntriesReceived first = RangeComparison.onEntries(to.keyspace, message, millis, BUDGET);
        first.answer().ifPresent(answer -> {
            roundTrip(answer);
            assertThat(bytes(answer.entries())).as("answer bytes").isLessThanOrEqualTo(BUDGET);
            assertThat(answer.complete()).isFalse();
            for (LeafRef leaf : answer.leaves()) {
                assertThat(valid(leaf.partition(), leaf.level(), leaf.index())).as("answered %s", leaf).isTrue();
            }
        });
        assertThat(first.answer().isPresent()).isEqualTo(message.reply());
        if (message.entries().stream().map(SharedEntry::key).distinct().count() < message.entries().size()) {
            // a forged message naming a key twice (a tombstone below the horizon, and an older value) flips
            // it on every application; a replica names each key once (its store's entries)
            return;
        }
        Map<String, SharedEntry> after = held(to.keyspace);
        EntriesReceived again = RangeComparison.onEntries(to.keyspace, message, millis, BUDGET);
        assertThat(again.changed()).as("changed by %s applied twice", message).isEmpty();
        assertThat(again.dropped()).isZero();
        assertThat(held(to.keyspace)).isEqualTo(after);
    }

    /** The invariants of one replica, and its moves since last checked. */
    private static void check(Replica replica) {
        Keyspace keyspace = replica.keyspace;
        assertThat(keyspace.size()).isLessThanOrEqualTo(CONFIG.maxKeys());
        Keyspace rebuilt = new Keyspace(CONFIG, replica.store);
        for (int p = 0; p < CONFIG.partitions(); p++) {
            assertThat(keyspace.tree(p).sameAs(rebuilt.tree(p))).as("tree %d equals its entries' tree", p).isTrue();
            assertThat(keyspace.horizon(p)).isGreaterThanOrEqualTo(replica.horizons[p]);
            replica.horizons[p] = keyspace.horizon(p);
        }
        assertThat(keyspace.clockHighWaterMark()).isGreaterThanOrEqualTo(replica.clock);
        replica.clock = keyspace.clockHighWaterMark();
        Map<String, SharedEntry> now = held(keyspace);
        assertThat(now.size()).isEqualTo(keyspace.size());
        for (SharedEntry entry : now.values()) {
            if (entry.tombstone()) {
                assertThat(entry.hlc()).as("tombstone %s held below the horizon", entry)
                        .isGreaterThanOrEqualTo(keyspace.horizon(keyspace.partitionOf(entry.key())));
            }
        }
        for (Map.Entry<String, SharedEntry> was : replica.entries.entrySet()) {
            SharedEntry is = now.get(was.getKey());
            if (is == null) {
                assertThat(was.getValue().hlc()).as("%s left above its range's horizon", was.getValue())
                        .isLessThan(keyspace.horizon(keyspace.partitionOf(was.getKey())));
            } else if (was.getValue().hlc() >= keyspace.horizon(keyspace.partitionOf(was.getKey()))) {
                // below the horizon the entry may have been collected and an older one merged since (a
                // fresh peer's old value is data it merely lacked): there the horizon rule rules, not LWW
                assertThat(Precedence.compare(is, was.getValue())).as("%s after %s", is, was.getValue())
                        .isGreaterThanOrEqualTo(0);
            }
        }
        replica.entries = now;
    }

    /** Precedence's promise: any order, any repetition, the same winners. */
    private static void mergeIsCommutativeAndIdempotent(List<SharedEntry> given, long millis) {
        KeyspaceConfig roomy = CONFIG.withMaxKeys(KEYS.length);
        Keyspace forward = new Keyspace(roomy, new MemoryKeyStore());
        Keyspace backward = new Keyspace(roomy, new MemoryKeyStore());
        for (SharedEntry entry : given) {
            forward.apply(entry, millis);
        }
        for (SharedEntry entry : given) {
            assertThat(forward.apply(entry, millis)).isNotEqualTo(ApplyOutcome.APPLIED);
        }
        for (int i = given.size() - 1; i >= 0; i--) {
            backward.apply(given.get(i), millis);
        }
        assertThat(held(backward)).isEqualTo(held(forward));
        for (int p = 0; p < roomy.partitions(); p++) {
            assertThat(backward.tree(p).sameAs(forward.tree(p))).isTrue();
        }
        Map<String, SharedEntry> winners = new HashMap<>();
        for (SharedEntry entry : given) {
            if (forward.apply(entry, millis) != ApplyOutcome.TOO_LARGE) {
                winners.merge(entry.key(), entry, (a, b) -> Precedence.wins(b, a) ? b : a);
            }
        }
        assertThat(held(forward)).isEqualTo(winners);
    }

    private static boolean valid(int partition, int level, int index) {
        return partition >= 0 && partition < CONFIG.partitions() && level >= 0 && level <= SHAPE.depth()
                && index >= 0 && index < SHAPE.width(level);
    }

    private static Map<String, SharedEntry> held(Keyspace keyspace) {
        Map<String, SharedEntry> held = new HashMap<>();
        for (String key : KEYS) {
            SharedEntry entry = keyspace.get(key);
            if (entry != null) {
                held.put(key, entry);
            }
        }
        return held;
    }

    private static int bytes(List<SharedEntry> entries) {
        int bytes = 0;
        for (SharedEntry entry : entries) {
            bytes += entry.encodedSize();
        }
        return bytes;
    }

    /** What goes on the wire comes off it unchanged. */
    private static void roundTrip(WireMessage message) {
        Decoded decoded = WireCodec.decode(WireCodec.encodePacket("", SENDER, List.of(message)), "", 65_535);
        assertThat(decoded).isInstanceOfSatisfying(Decoded.Ok.class,
                ok -> assertThat(ok.packet().messages()).containsExactly(message));
    }

    private static SharedEntry entry(FuzzedDataProvider data) {
        String key = KEYS[data.consumeInt(0, KEYS.length - 1)];
        String writer = WRITERS[data.consumeInt(0, WRITERS.length - 1)];
        // stamps around the horizons the fuzzer raises (2^16 per millisecond)
        long hlc = data.consumeLong(1, 1L << 26);
        boolean tombstone = data.consumeBoolean();
        Bytes value = tombstone ? Bytes.EMPTY : Bytes.copyOf(data.consumeBytes(CONFIG.maxValueBytes() + 2));
        return new SharedEntry(key, value, hlc, writer, tombstone);
    }

    /** Any tree nodes, in range or not; the hash is often the other replica's, so that some match. */
    private static MerkleHashes hashes(FuzzedDataProvider data, Replica to, Replica other) {
        int fanout = data.consumeInt(0, 15) == 0 ? data.consumeInt(2, 255) : SHAPE.fanout();
        int depth = data.consumeInt(0, 15) == 0 ? data.consumeInt(1, 255) : SHAPE.depth();
        List<MerkleHash> items = new ArrayList<>();
        int count = data.consumeInt(0, 24);
        for (int i = 0; i < count; i++) {
            int partition = data.consumeInt(0, CONFIG.partitions());
            int level = data.consumeInt(0, SHAPE.depth() + 1);
            int index = data.consumeInt(0, 1 << (2 * Math.min(level, SHAPE.depth())));
            long hash = data.consumeBoolean() && valid(partition, level, index)
                    ? (data.consumeBoolean() ? other : to).keyspace.tree(partition).hash(level, index)
                    : data.consumeLong();
            items.add(new MerkleHash(partition, level, index, hash));
        }
        return new MerkleHashes(fanout, depth, items);
    }

    private static MerkleEntries forgedEntries(FuzzedDataProvider data, List<SharedEntry> given) {
        List<LeafRef> leaves = new ArrayList<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            int level = data.consumeInt(0, SHAPE.depth() + 1);
            leaves.add(new LeafRef(data.consumeInt(0, CONFIG.partitions()), level,
                    data.consumeInt(0, 1 << (2 * Math.min(level, SHAPE.depth()))),
                    data.consumeLong(0, 1L << 26), data.consumeBoolean()));
        }
        List<SharedEntry> entries = new ArrayList<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            SharedEntry entry = entry(data);
            given.add(entry);
            entries.add(entry);
        }
        return new MerkleEntries(data.consumeBoolean(), data.consumeBoolean(), leaves, entries);
    }

    private static MerkleInSync inSync(FuzzedDataProvider data, Replica to) {
        List<MerkleHash> roots = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            int partition = data.consumeInt(0, CONFIG.partitions());
            long hash = data.consumeBoolean() && partition < CONFIG.partitions()
                    ? to.keyspace.tree(partition).root() : data.consumeLong();
            roots.add(new MerkleHash(partition, 0, 0, hash));
        }
        return new MerkleInSync(roots);
    }
}
