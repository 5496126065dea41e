package io.grapevine.core.keyspace;

import io.grapevine.core.base.ConfigCheck;
import io.grapevine.core.merkle.MerkleShape;

/**
 * Every knob of the shared keyspace, validated at construction (messages name the field).
 *
 * @param partitionBits the key-hash space is cut into {@code 2^partitionBits} ranges, each
 *                      with its own replicas and Merkle tree, 0..12. More ranges spread
 *                      load more evenly and move less data per membership change; each costs
 *                      a root hash per repair exchange and a tree in memory. Default 6 (64).
 * @param virtualNodes ring tokens per member, 1..1,024. More even ownership for more ring
 *                     work on each membership change. Default 16.
 * @param replicationFactor replicas per range ({@code rf}); 0 means every live member (full
 *                          replication). Default 3.
 * @param writeAcks {@code w}: replica acknowledgements a write waits for, 1..rf (the
 *                  coordinator counts itself when it is a replica). Higher is more durable
 *                  and slower, and fails when fewer replicas are up; with {@code w + r > rf}
 *                  a read sees the latest acknowledged write. Default 1.
 * @param readAcks {@code r}: replica answers a read waits for, 1..rf, the newest (by
 *                 last-writer-wins) returned. Default 1.
 * @param merkle the shape of every range's Merkle tree (fanout, depth). Default 16, 3.
 * @param repairIntervalNanos how often this node starts a Merkle repair with a random
 *                            co-replica (over every range they share); 0 turns periodic
 *                            repair off (ring changes still repair). Default 1 s.
 * @param requestTimeoutNanos how long a put, get, delete or scan waits for its acks; a replica
 *                            that has not answered is asked again every eighth of it. Default 2 s.
 * @param maxKeyBytes longest key (map name included), in UTF-8 bytes, 1..255. Default 200.
 * @param maxValueBytes largest value, in bytes. Default 65,536.
 * @param maxKeys most entries (tombstones included) this node holds; a local write beyond
 *                it fails naming the limit, a remote one is dropped and counted. Default 1,000,000.
 * @param maxRepairBytes most entry bytes one repair, read or scan message carries; a leaf
 *                       set larger than this is repaired over several exchanges. Default 1 MiB.
 * @param tombstoneGraceNanos a tombstone is collected only after this long, and only once
 *                            every co-replica has been seen in sync after it; a replica cut
 *                            off for longer drops its entries older than its peers' horizon
 *                            instead of resurrecting them. Default 1 hour.
 * @param maxPendingOps most operations this node coordinates at once; beyond it an
 *                      operation fails at once (REJECTED). Default 4,096.
 * @param maxClockAheadNanos a received stamp further ahead of this node's wall clock is
 *                           applied but not adopted by its clock. Default 5 minutes.
 * @param ringRepairIntervalNanos how often this node starts a closed-loop ring repair
 *                                (InfluxDB's) of one random range it replicates; 0 turns it
 *                                off. Default 0 (off: the random-peer Merkle repair runs anyway).
 * @param ringRepairHopNanos how long the token of a ring repair stays with a replica (its
 *                           Merkle repair with its successor runs meanwhile) before passing
 *                           on: longer than one range's repair takes. Default 500 ms.
 */
public record KeyspaceConfig(int partitionBits, int virtualNodes, int replicationFactor, int writeAcks, int readAcks,
                             MerkleShape merkle, long repairIntervalNanos, long requestTimeoutNanos, int maxKeyBytes,
                             int maxValueBytes, int maxKeys, int maxRepairBytes, long tombstoneGraceNanos,
                             int maxPendingOps, long maxClockAheadNanos, long ringRepairIntervalNanos,
                             long ringRepairHopNanos) {
    /** Validates every field. */
    public KeyspaceConfig {
        ConfigCheck.range("partitionBits", partitionBits, 0, 12);
        ConfigCheck.range("virtualNodes", virtualNodes, 1, 1024);
        ConfigCheck.range("replicationFactor", replicationFactor, 0, 1024);
        ConfigCheck.range("writeAcks", writeAcks, 1, replicationFactor == 0 ? 1024 : replicationFactor);
        ConfigCheck.range("readAcks", readAcks, 1, replicationFactor == 0 ? 1024 : replicationFactor);
        ConfigCheck.notNull("merkle", merkle);
        if (partitionBits + merkle.leafBits() > 40) {
            throw new IllegalArgumentException("partitionBits + merkle leaf bits must be <= 40: " + partitionBits
                    + " + " + merkle.leafBits());
        }
        ConfigCheck.nonNegative("repairIntervalNanos", repairIntervalNanos);
        ConfigCheck.positive("requestTimeoutNanos", requestTimeoutNanos);
        ConfigCheck.range("maxKeyBytes", maxKeyBytes, 1, 255);
        ConfigCheck.nonNegative("maxValueBytes", maxValueBytes);
        ConfigCheck.positive("maxKeys", maxKeys);
        ConfigCheck.range("maxRepairBytes", maxRepairBytes, 1024, Integer.MAX_VALUE);
        ConfigCheck.positive("tombstoneGraceNanos", tombstoneGraceNanos);
        ConfigCheck.positive("maxPendingOps", maxPendingOps);
        ConfigCheck.nonNegative("maxClockAheadNanos", maxClockAheadNanos);
        ConfigCheck.nonNegative("ringRepairIntervalNanos", ringRepairIntervalNanos);
        ConfigCheck.positive("ringRepairHopNanos", ringRepairHopNanos);
    }

    /** The defaults listed above. */
    public static KeyspaceConfig defaults() {
        return new KeyspaceConfig(6, 16, 3, 1, 1, MerkleShape.defaults(), 1_000_000_000L, 2_000_000_000L, 200,
                65_536, 1_000_000, 1 << 20, 3_600_000_000_000L, 4_096, 300_000_000_000L, 0, 500_000_000L);
    }

    /**
     * The most entry bytes one repair, read or scan message carries on a node whose stream
     * frames hold at most {@code maxStreamBytes}: {@code maxRepairBytes}, or half a frame if less.
     */
    public int repairBudget(int maxStreamBytes) {
        return Math.min(maxRepairBytes, Math.max(1024, maxStreamBytes / 2));
    }

    /** The number of key ranges, {@code 2^partitionBits}. */
    public int partitions() {
        return 1 << partitionBits;
    }

    /** A copy with {@code partitionBits} changed. */
    public KeyspaceConfig withPartitionBits(int value) {
        return new KeyspaceConfig(value, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code virtualNodes} changed. */
    public KeyspaceConfig withVirtualNodes(int value) {
        return new KeyspaceConfig(partitionBits, value, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code replicationFactor} changed. */
    public KeyspaceConfig withReplicationFactor(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, value, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code writeAcks} changed. */
    public KeyspaceConfig withWriteAcks(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, value, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code readAcks} changed. */
    public KeyspaceConfig withReadAcks(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, value, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code merkle} changed. */
    public KeyspaceConfig withMerkle(MerkleShape value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, value,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code repairIntervalNanos} changed. */
    public KeyspaceConfig withRepairIntervalNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                value, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code requestTimeoutNanos} changed. */
    public KeyspaceConfig withRequestTimeoutNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, value, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code maxKeyBytes} changed. */
    public KeyspaceConfig withMaxKeyBytes(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, value, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code maxValueBytes} changed. */
    public KeyspaceConfig withMaxValueBytes(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, value, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code maxKeys} changed. */
    public KeyspaceConfig withMaxKeys(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, value, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code maxRepairBytes} changed. */
    public KeyspaceConfig withMaxRepairBytes(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, value,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos,
                ringRepairHopNanos);
    }

    /** A copy with {@code tombstoneGraceNanos} changed. */
    public KeyspaceConfig withTombstoneGraceNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                value, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos, ringRepairHopNanos);
    }

    /** A copy with {@code maxPendingOps} changed. */
    public KeyspaceConfig withMaxPendingOps(int value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, value, maxClockAheadNanos, ringRepairIntervalNanos, ringRepairHopNanos);
    }

    /** A copy with {@code maxClockAheadNanos} changed. */
    public KeyspaceConfig withMaxClockAheadNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, value, ringRepairIntervalNanos, ringRepairHopNanos);
    }

    /** A copy with {@code ringRepairIntervalNanos} changed. */
    public KeyspaceConfig withRingRepairIntervalNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, value, ringRepairHopNanos);
    }

    /** A copy with {@code ringRepairHopNanos} changed. */
    public KeyspaceConfig withRingRepairHopNanos(long value) {
        return new KeyspaceConfig(partitionBits, virtualNodes, replicationFactor, writeAcks, readAcks, merkle,
                repairIntervalNanos, requestTimeoutNanos, maxKeyBytes, maxValueBytes, maxKeys, maxRepairBytes,
                tombstoneGraceNanos, maxPendingOps, maxClockAheadNanos, ringRepairIntervalNanos, value);
    }
}
