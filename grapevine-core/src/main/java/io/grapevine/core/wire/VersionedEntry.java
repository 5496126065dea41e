package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;

/**
 * One key of one owner at one version: a value, or a tombstone recording its deletion.
 *
 * @param key the key, non-empty
 * @param value the value; empty for a tombstone
 * @param version the owner's version counter when it was written; positive
 * @param tombstone true when the key was deleted at {@code version}
 */
public record VersionedEntry(String key, Bytes value, long version, boolean tombstone) {
    /** Validates the fields. */
    public VersionedEntry {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (version <= 0) {
            throw new IllegalArgumentException("version must be > 0: " + version);
        }
        if (tombstone && value.length() != 0) {
            throw new IllegalArgumentException("a tombstone carries no value");
        }
    }

    /** Bytes this entry occupies in an encoded delta. */
    public int encodedSize() {
        return EncodedSize.entry(this);
    }
}
