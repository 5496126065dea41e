package io.grapevine.core.keyspace;

/**
 * A subtree of one range's Merkle tree whose entries are exchanged: a leaf, or a higher node
 * that holds so few entries that sending them costs less than descending further.
 *
 * @param partition the range
 * @param level the subtree root's level (the tree's depth for a leaf)
 * @param index the subtree root's index within its level
 */
public record LeafId(int partition, int level, int index) {
}
