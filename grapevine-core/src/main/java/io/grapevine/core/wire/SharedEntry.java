package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.TextLimits;

/**
 * One key of the shared keyspace (Dynamo's data, written by any node) as a replica holds it:
 * a value or a tombstone, stamped with the hybrid logical clock of its write and the name of
 * the node that wrote it. Which of two entries for a key wins is the keyspace's
 * last-writer-wins rule ({@code keyspace.Precedence}): higher {@code hlc}, then higher
 * {@code writer}.
 *
 * @param key the key, non-empty, at most 255 UTF-8 bytes (the configured limit is lower)
 * @param value the value; empty for a tombstone
 * @param hlc the hybrid logical clock of the write: 48 bits of milliseconds, 16 of counter; positive
 * @param writer the name of the node that coordinated the write, non-blank (the tie-break)
 * @param tombstone true when the key was deleted by this write
 */
public record SharedEntry(String key, Bytes value, long hlc, String writer, boolean tombstone) {
    /** Validates the fields. */
    public SharedEntry {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        TextLimits.check("key", key, TextLimits.MAX_BYTES);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (hlc <= 0) {
            throw new IllegalArgumentException("hlc must be > 0: " + hlc);
        }
        TextLimits.checkName("writer", writer);
        if (tombstone && value.length() != 0) {
            throw new IllegalArgumentException("a tombstone carries no value");
        }
    }

    /** A tombstone for {@code key} written at {@code hlc} by {@code writer}. */
    public static SharedEntry tombstone(String key, long hlc, String writer) {
        return new SharedEntry(key, Bytes.EMPTY, hlc, writer, true);
    }

    /** Bytes this entry occupies in an encoded message (see {@code KeyspaceCodec}). */
    public int encodedSize() {
        return KeyspaceCodec.entrySize(this);
    }
}
