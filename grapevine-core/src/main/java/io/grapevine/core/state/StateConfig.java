package io.grapevine.core.state;

/**
 * Limits and timings of the replicated key/value state, validated at construction (the
 * message names the field). No fixed metadata cap like memberlist's 512 bytes: every limit
 * is here.
 *
 * @param maxKeyBytes longest key, in UTF-8 bytes (1..255). Default 128.
 * @param maxValueBytes largest value, in bytes. Default 65,536.
 * @param maxKeysPerNode most entries (live keys and tombstones) one owner may hold, here and
 *                       on every peer; writes beyond it are refused with an error, remote
 *                       entries beyond it are dropped and counted. Default 10,000.
 * @param maxOwners most owners whose state a node holds. Default 100,000.
 * @param tombstoneGraceNanos how long a deletion is remembered before its tombstone is
 *                            garbage-collected; a peer away for longer gets a reset of that
 *                            owner's state instead of a delta. Default 1 hour.
 */
public record StateConfig(int maxKeyBytes, int maxValueBytes, int maxKeysPerNode, int maxOwners,
                          long tombstoneGraceNanos) {
    /** Validates every field. */
    public StateConfig {
        if (maxKeyBytes < 1 || maxKeyBytes > 255) {
            throw new IllegalArgumentException("maxKeyBytes must be in 1..255: " + maxKeyBytes);
        }
        if (maxValueBytes < 0) {
            throw new IllegalArgumentException("maxValueBytes must be >= 0: " + maxValueBytes);
        }
        if (maxKeysPerNode < 1) {
            throw new IllegalArgumentException("maxKeysPerNode must be >= 1: " + maxKeysPerNode);
        }
        if (maxOwners < 1) {
            throw new IllegalArgumentException("maxOwners must be >= 1: " + maxOwners);
        }
        if (tombstoneGraceNanos <= 0) {
            throw new IllegalArgumentException("tombstoneGraceNanos must be > 0: " + tombstoneGraceNanos);
        }
    }

    /** The defaults listed above. */
    public static StateConfig defaults() {
        return new StateConfig(128, 65_536, 10_000, 100_000, 3_600_000_000_000L);
    }

    /** A copy with {@code maxKeyBytes} changed. */
    public StateConfig withMaxKeyBytes(int value) {
        return new StateConfig(value, maxValueBytes, maxKeysPerNode, maxOwners, tombstoneGraceNanos);
    }

    /** A copy with {@code maxOwners} changed. */
    public StateConfig withMaxOwners(int value) {
        return new StateConfig(maxKeyBytes, maxValueBytes, maxKeysPerNode, value, tombstoneGraceNanos);
    }

    /** A copy with {@code tombstoneGraceNanos} changed. */
    public StateConfig withTombstoneGraceNanos(long value) {
        return new StateConfig(maxKeyBytes, maxValueBytes, maxKeysPerNode, maxOwners, value);
    }

    /** A copy with {@code maxKeysPerNode} changed. */
    public StateConfig withMaxKeysPerNode(int value) {
        return new StateConfig(maxKeyBytes, maxValueBytes, value, maxOwners, tombstoneGraceNanos);
    }

    /** A copy with {@code maxValueBytes} changed. */
    public StateConfig withMaxValueBytes(int value) {
        return new StateConfig(maxKeyBytes, value, maxKeysPerNode, maxOwners, tombstoneGraceNanos);
    }
}
