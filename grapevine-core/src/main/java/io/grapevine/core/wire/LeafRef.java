package io.grapevine.core.wire;

/**
 * One subtree of a range's Merkle tree (a leaf, when {@code level} is the tree's depth) named
 * in a {@link MerkleEntries}, with the sender's tombstone-collection horizon for that range.
 *
 * @param partition the range, {@code >= 0}
 * @param level the subtree root's level (0 = the whole range), 0..255
 * @param index the subtree root's index within its level, {@code >= 0}
 * @param horizon the sender's garbage-collection horizon for the range (an HLC, 0 for none):
 *                every tombstone older than it is collected there
 * @param stale true when the sender has not been seen in sync for the range for longer than
 *              the tombstone grace (back from a long absence, or never in sync): its entries
 *              older than a fresh peer's horizon may be deleted ones, and it takes a reset
 */
public record LeafRef(int partition, int level, int index, long horizon, boolean stale) {
    /** Validates the fields. */
    public LeafRef {
        if (partition < 0 || index < 0 || horizon < 0 || level < 0 || level > 255) {
            throw new IllegalArgumentException("partition, index and horizon must be >= 0, level in 0..255");
        }
    }
}
