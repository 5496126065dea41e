package io.grapevine.core.wire;

import io.grapevine.core.base.KeyPriority;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the replicated-state bodies (docs/wire-format.md):
 *
 * <pre>
 * digest  := count varint | row{count}
 * row     := owner node | priority u8 | maxVersion varint | gcVersion varint
 * delta   := flags u8 (bit 0: resetDeferred) | count varint | part{count}
 * part    := owner node | priority u8 | flags u8 (bit 0: reset, bit 1: complete)
 *            | fromVersion varint | gcVersion varint | maxVersion varint | count varint | entry{count}
 * entry   := key str8 (non-empty) | version varint | tombstone u8 | value (length varint | bytes)
 * </pre>
 *
 * Counts are checked against the bytes left before anything is allocated.
 */
final class StateCodec {
    private static final KeyPriority[] PRIORITIES = KeyPriority.values();
    /** Smallest node (7: 1-byte name and host, port, generation), priority, two versions. */
    private static final int MIN_ROW_BYTES = 10;
    /** Smallest node (7), priority, flags, three versions, entry count. */
    private static final int MIN_PART_BYTES = 13;
    /** key str8 of 1 byte (2), version (1), tombstone (1), empty value length (1). */
    private static final int MIN_ENTRY_BYTES = 5;

    private StateCodec() {
    }

    static void writeDigest(WireWriter w, Digest digest) {
        w.varLong(digest.entries().size());
        for (DigestEntry row : digest.entries()) {
            w.nodeId(row.owner()).u8(row.priority().ordinal()).varLong(row.maxVersion()).varLong(row.gcVersion());
        }
    }

    static void writeDelta(WireWriter w, Delta delta) {
        w.u8(delta.resetDeferred() ? 1 : 0).varLong(delta.parts().size());
        for (DeltaPart part : delta.parts()) {
            w.nodeId(part.owner()).u8(part.priority().ordinal())
                    .u8((part.reset() ? 1 : 0) | (part.complete() ? 2 : 0))
                    .varLong(part.fromVersion()).varLong(part.gcVersion()).varLong(part.maxVersion())
                    .varLong(part.entries().size());
            for (VersionedEntry entry : part.entries()) {
                w.string(entry.key()).varLong(entry.version()).bool(entry.tombstone()).bytes(entry.value());
            }
        }
    }

    static Digest readDigest(WireReader r) {
        int count = boundedCount(r, MIN_ROW_BYTES);
        List<DigestEntry> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new DigestEntry(r.nodeId(), priority(r), r.varLong(), r.varLong()));
        }
        return new Digest(rows);
    }

    static Delta readDelta(WireReader r) {
        int flags = r.u8();
        if (flags > 1) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        int count = boundedCount(r, MIN_PART_BYTES);
        List<DeltaPart> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(readPart(r));
        }
        return new Delta(parts, flags == 1);
    }

    private static DeltaPart readPart(WireReader r) {
        var owner = r.nodeId();
        KeyPriority priority = priority(r);
        int flags = r.u8();
        if (flags > 3) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        long from = r.varLong();
        long gc = r.varLong();
        long max = r.varLong();
        int count = boundedCount(r, MIN_ENTRY_BYTES);
        List<VersionedEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = r.key();
            long version = r.varLong();
            boolean tombstone = r.bool();
            entries.add(new VersionedEntry(key, r.bytes(), version, tombstone));
        }
        return new DeltaPart(owner, priority, (flags & 1) != 0, from, gc, max, (flags & 2) != 0, entries);
    }

    private static KeyPriority priority(WireReader r) {
        int code = r.u8();
        if (code >= PRIORITIES.length) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return PRIORITIES[code];
    }

    private static int boundedCount(WireReader r, int minBytesEach) {
        int count = r.varInt();
        r.require((int) Math.min(Integer.MAX_VALUE, (long) count * minBytesEach));
        return count;
    }
}
