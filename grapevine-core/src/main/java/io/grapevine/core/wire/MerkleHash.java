package io.grapevine.core.wire;

/**
 * One node of a range's Merkle tree: which range, where in the tree, and its hash.
 *
 * @param partition the range (partition of the hash ring), {@code >= 0}
 * @param level 0 for the root, the tree's depth for a leaf
 * @param index the node's position within its level, {@code >= 0}
 * @param hash the node's hash (0 for an empty subtree)
 */
public record MerkleHash(int partition, int level, int index, long hash) {
    /** Validates the fields. */
    public MerkleHash {
        if (partition < 0 || index < 0) {
            throw new IllegalArgumentException("partition and index must be >= 0: " + partition + ", " + index);
        }
        if (level < 0 || level > 255) {
            throw new IllegalArgumentException("level must be in 0..255: " + level);
        }
    }
}
