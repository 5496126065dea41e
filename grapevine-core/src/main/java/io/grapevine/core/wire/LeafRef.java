package io.grapevine.core.wire;

/**
 * One leaf of a range's Merkle tree named in a {@link MerkleEntries}, with the sender's
 * tombstone-collection horizon for that range.
 *
 * @param partition the range, {@code >= 0}
 * @param leaf the leaf's index in the tree's last level, {@code >= 0}
 * @param horizon the sender's garbage-collection horizon for the range (an HLC, 0 for none):
 *                every tombstone older than it is collected there, so an entry older than it
 *                that the sender lacks was deleted, and must not come back
 */
public record LeafRef(int partition, int leaf, long horizon) {
    /** Validates the fields. */
    public LeafRef {
        if (partition < 0 || leaf < 0 || horizon < 0) {
            throw new IllegalArgumentException("partition, leaf and horizon must be >= 0");
        }
    }
}
