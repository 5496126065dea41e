package io.grapevine.services.slotmap;

import io.grapevine.core.base.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one node publishes in its {@link SlotMap} key of the replicated state: Redis's cluster
 * bus header, as state instead of a ping. The slots it claims, with its config epoch; the highest
 * epoch it has seen; whom it replicates; its replication offset; and the members it holds PFAIL.
 *
 * <p>Encoding (version 1, big-endian): {@code 1, currentEpoch:8, configEpoch:8, master:name,
 * replicationOffset:8, rangeCount:2, (first:2, last:2)*, pfailCount:2, name*}, a name being a
 * length byte and UTF-8. At most 16,384 ranges and {@value #MAX_PFAIL} names: anything else
 * (or a trailing byte) does not decode.
 *
 * @param currentEpoch the highest epoch the node has seen (Redis's currentEpoch), ≥ 0
 * @param configEpoch the epoch of the node's claims, ≥ 0
 * @param master the member it replicates, "" for none
 * @param replicationOffset the application's replication offset
 * @param claims the slots it claims, ascending, non-overlapping
 * @param pfail the members it holds suspect or dead, sorted
 */
record Announcement(long currentEpoch, long configEpoch, String master, long replicationOffset,
                    List<SlotRange> claims, SortedSet<String> pfail) {
    /** The most PFAIL names an announcement carries. */
    static final int MAX_PFAIL = 4096;
    private static final int VERSION = 1;

    Announcement {
        claims = List.copyOf(claims);
        pfail = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(pfail));
    }

    byte[] encode() {
        WireWriter out = new WireWriter().writeByte(VERSION).writeLong(currentEpoch).writeLong(configEpoch)
                .writeName(master).writeLong(replicationOffset).writeShort(claims.size());
        for (SlotRange range : claims) {
            out.writeShort(range.first()).writeShort(range.last());
        }
        int count = Math.min(pfail.size(), MAX_PFAIL);
        out.writeShort(count);
        int written = 0;
        for (String name : pfail) {
            if (written++ == count) {
                break;
            }
            out.writeName(name);
        }
        return out.toArray();
    }

    /** Decodes a peer's value; empty when it is not a well-formed announcement. Never throws. */
    static Optional<Announcement> decode(Bytes bytes) {
        WireReader in = new WireReader(bytes);
        if (in.readByte() != VERSION) {
            return Optional.empty();
        }
        long current = in.readLong();
        long config = in.readLong();
        String master = in.readName();
        long offset = in.readLong();
        int rangeCount = in.readShort();
        if (in.failed() || current < 0 || config < 0 || rangeCount > KeySlot.SLOTS) {
            return Optional.empty();
        }
        List<SlotRange> ranges = new ArrayList<>(Math.min(rangeCount, 64));
        int previousLast = -1;
        for (int i = 0; i < rangeCount; i++) {
            int first = in.readShort();
            int last = in.readShort();
            if (in.failed() || first <= previousLast || last < first || last >= KeySlot.SLOTS) {
                return Optional.empty();
            }
            ranges.add(new SlotRange(first, last));
            previousLast = last;
        }
        int pfailCount = in.readShort();
        if (in.failed() || pfailCount > MAX_PFAIL) {
            return Optional.empty();
        }
        SortedSet<String> pfail = new TreeSet<>();
        for (int i = 0; i < pfailCount; i++) {
            pfail.add(in.readName());
        }
        if (in.failed() || !in.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new Announcement(current, config, master, offset, ranges, pfail));
    }
}
