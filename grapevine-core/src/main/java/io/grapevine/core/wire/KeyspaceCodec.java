package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the shared-keyspace bodies (docs/wire-format.md, types 11..17):
 *
 * <pre>
 * merkle_hashes  := fanout u8 | depth u8 | count varint | run{count}
 * run            := partition varint | level u8 | first varint | count varint (&gt;= 1) | hash u64{count}
 *                   (consecutive nodes of one level, e.g. one node's children; runs are maximal:
 *                   a run that continues the one before is MALFORMED, so every encoding is canonical)
 * merkle_entries := flags u8 (bit 0: reply, bit 1: complete) | count varint | leaf{count}
 *                   | count varint | entry{count}
 * leaf           := partition varint | level u8 | index varint | horizon varint | stale u8
 * key_write      := opId varint | count varint | entry{count}
 * key_write_ack  := opId varint
 * key_read       := opId varint | key str8
 * key_scan       := opId varint | prefix str8 | count varint | partition varint{count}
 * key_read_reply := opId varint | complete u8 | count varint | entry{count}
 * ring_repair    := partition varint | round varint | origin str8 | step varint
 *                   | count varint | replica str8{count} | count varint | root u64{count}
 *                   | count varint | entries varint{count} | count varint | skipped str8{count}
 * merkle_in_sync := count varint | (partition varint | hash u64){count}
 * entry          := key str8 (non-empty) | writer str8 (non-blank) | hlc u64 | tombstone u8
 *                   | value (length varint | bytes)
 * </pre>
 *
 * Counts are checked against the bytes left before anything is allocated. Stateless.
 */
final class KeyspaceCodec {
    /** partition (1), level (1), first (1), count (1), one hash (8). */
    private static final int MIN_RUN_BYTES = 12;
    /** partition, level, index, horizon, stale: one byte each at least. */
    private static final int MIN_LEAF_BYTES = 5;
    /** key (2), writer (2), hlc (8), tombstone (1), empty value (1). */
    private static final int MIN_ENTRY_BYTES = 14;

    private KeyspaceCodec() {
    }

    static int entrySize(SharedEntry entry) {
        return EncodedSize.str8(entry.key()) + EncodedSize.str8(entry.writer()) + 8 + 1
                + EncodedSize.varint(entry.value().length()) + entry.value().length();
    }

    static void write(WireWriter w, WireMessage message) {
        switch (message.kind()) {
            case MERKLE_HASHES -> {
                MerkleHashes hashes = (MerkleHashes) message;
                List<MerkleHash> items = hashes.items();
                List<int[]> runs = runs(items);
                w.u8(hashes.fanout()).u8(hashes.depth()).varLong(runs.size());
                for (int[] run : runs) {
                    MerkleHash first = items.get(run[0]);
                    w.varLong(first.partition()).u8(first.level()).varLong(first.index()).varLong(run[1]);
                    for (int i = run[0]; i < run[0] + run[1]; i++) {
                        w.i64(items.get(i).hash());
                    }
                }
            }
            case MERKLE_ENTRIES -> {
                MerkleEntries entries = (MerkleEntries) message;
                w.u8((entries.reply() ? 1 : 0) | (entries.complete() ? 2 : 0)).varLong(entries.leaves().size());
                for (LeafRef leaf : entries.leaves()) {
                    w.varLong(leaf.partition()).u8(leaf.level()).varLong(leaf.index()).varLong(leaf.horizon())
                            .bool(leaf.stale());
                }
                writeEntries(w, entries.entries());
            }
            case KEY_WRITE -> {
                KeyWrite write = (KeyWrite) message;
                w.varLong(write.opId());
                writeEntries(w, write.entries());
            }
            case KEY_WRITE_ACK -> w.varLong(((KeyWriteAck) message).opId());
            case KEY_READ -> {
                KeyRead read = (KeyRead) message;
                w.varLong(read.opId()).string(read.key());
            }
            case KEY_SCAN -> {
                KeyScan scan = (KeyScan) message;
                w.varLong(scan.opId()).string(scan.prefix()).varLong(scan.partitions().size());
                for (int partition : scan.partitions()) {
                    w.varLong(partition);
                }
            }
            case KEY_READ_REPLY -> {
                KeyReadReply reply = (KeyReadReply) message;
                w.varLong(reply.opId()).bool(reply.complete());
                writeEntries(w, reply.entries());
            }
            case RING_REPAIR -> {
                RingRepairToken token = (RingRepairToken) message;
                w.varLong(token.partition()).varLong(token.round()).string(token.origin()).varLong(token.step())
                        .varLong(token.walk().size());
                for (String replica : token.walk()) {
                    w.string(replica);
                }
                w.varLong(token.roots().size());
                for (long root : token.roots()) {
                    w.i64(root);
                }
                w.varLong(token.entriesPerHop().size());
                for (long entries : token.entriesPerHop()) {
                    w.varLong(entries);
                }
                w.varLong(token.skipped().size());
                for (String replica : token.skipped()) {
                    w.string(replica);
                }
            }
            case MERKLE_IN_SYNC -> {
                List<MerkleHash> roots = ((MerkleInSync) message).roots();
                w.varLong(roots.size());
                for (MerkleHash root : roots) {
                    w.varLong(root.partition()).i64(root.hash());
                }
            }
            default -> throw new IllegalStateException("not a keyspace message: " + message.kind());
        }
    }

    /** Maximal runs of consecutive nodes of one level, as (start in {@code items}, length). */
    private static List<int[]> runs(List<MerkleHash> items) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= items.size(); i++) {
            if (i == items.size() || !continues(items.get(i - 1), items.get(i))) {
                runs.add(new int[] {start, i - start});
                start = i;
            }
        }
        return items.isEmpty() ? List.of() : runs;
    }

    private static boolean continues(MerkleHash previous, MerkleHash next) {
        return next.partition() == previous.partition() && next.level() == previous.level()
                && (long) next.index() == (long) previous.index() + 1;
    }

    private static void writeEntries(WireWriter w, List<SharedEntry> entries) {
        w.varLong(entries.size());
        for (SharedEntry entry : entries) {
            w.string(entry.key()).string(entry.writer()).i64(entry.hlc()).bool(entry.tombstone()).bytes(entry.value());
        }
    }

    static WireMessage read(WireReader r, MessageType type) {
        return switch (type) {
            case MERKLE_HASHES -> readHashes(r);
            case MERKLE_ENTRIES -> readEntriesMessage(r);
            case KEY_WRITE -> new KeyWrite(r.varLong(), readEntries(r));
            case KEY_WRITE_ACK -> new KeyWriteAck(r.varLong());
            case KEY_READ -> new KeyRead(r.varLong(), r.key());
            case KEY_SCAN -> {
                long opId = r.varLong();
                String prefix = r.string();
                int count = boundedCount(r, 1);
                List<Integer> partitions = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    partitions.add(r.varInt());
                }
                yield new KeyScan(opId, prefix, partitions);
            }
            case KEY_READ_REPLY -> {
                long opId = r.varLong();
                boolean complete = r.bool();
                yield new KeyReadReply(opId, complete, readEntries(r));
            }
            case RING_REPAIR -> readToken(r);
            case MERKLE_IN_SYNC -> {
                int count = boundedCount(r, 9);
                List<MerkleHash> roots = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    roots.add(new MerkleHash(r.varInt(), 0, 0, r.i64()));
                }
                yield new MerkleInSync(roots);
            }
            default -> throw Malformed.of(Rejection.UNKNOWN_TYPE);
        };
    }

    private static RingRepairToken readToken(WireReader r) {
        int partition = r.varInt();
        long round = r.varLong();
        String origin = r.name();
        int step = r.varInt();
        int count = boundedCount(r, 2);
        List<String> walk = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            walk.add(r.name());
        }
        int roots = boundedCount(r, 8);
        List<Long> hashes = new ArrayList<>(roots);
        for (int i = 0; i < roots; i++) {
            hashes.add(r.i64());
        }
        int hops = boundedCount(r, 1);
        List<Long> entriesPerHop = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            entriesPerHop.add(r.varLong());
        }
        int skippedCount = boundedCount(r, 2);
        List<String> skipped = new ArrayList<>(skippedCount);
        for (int i = 0; i < skippedCount; i++) {
            skipped.add(r.name());
        }
        return new RingRepairToken(partition, round, origin, step, walk, hashes, entriesPerHop, skipped);
    }

    private static MerkleHashes readHashes(WireReader r) {
        int fanout = r.u8();
        int depth = r.u8();
        int count = boundedCount(r, MIN_RUN_BYTES);
        List<MerkleHash> items = new ArrayList<>(count);
        MerkleHash last = null;
        for (int run = 0; run < count; run++) {
            int partition = r.varInt();
            int level = r.u8();
            int first = r.varInt();
            int length = r.varInt();
            r.require((int) Math.min(Integer.MAX_VALUE, 8L * length));
            if (length == 0 || (long) first + length - 1 > Integer.MAX_VALUE
                    || (last != null && continues(last, new MerkleHash(partition, level, first, 0)))) {
                throw Malformed.of(Rejection.MALFORMED); // empty, overflowing, or not maximal (not canonical)
            }
            for (int i = 0; i < length; i++) {
                last = new MerkleHash(partition, level, first + i, r.i64());
                items.add(last);
            }
        }
        return new MerkleHashes(fanout, depth, items);
    }

    private static MerkleEntries readEntriesMessage(WireReader r) {
        int flags = r.u8();
        if (flags > 3) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        int count = boundedCount(r, MIN_LEAF_BYTES);
        List<LeafRef> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(new LeafRef(r.varInt(), r.u8(), r.varInt(), r.varLong(), r.bool()));
        }
        return new MerkleEntries((flags & 1) != 0, (flags & 2) != 0, leaves, readEntries(r));
    }

    private static List<SharedEntry> readEntries(WireReader r) {
        int count = boundedCount(r, MIN_ENTRY_BYTES);
        List<SharedEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = r.key();
            String writer = r.name();
            long hlc = r.i64();
            boolean tombstone = r.bool();
            Bytes value = r.bytes();
            entries.add(new SharedEntry(key, value, hlc, writer, tombstone));
        }
        return entries;
    }

    private static int boundedCount(WireReader r, int minBytesEach) {
        int count = r.varInt();
        r.require((int) Math.min(Integer.MAX_VALUE, (long) count * minBytesEach));
        return count;
    }
}
