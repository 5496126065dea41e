package io.grapevine.core.keyspace;

/**
 * A leaf of one range's Merkle tree.
 *
 * @param partition the range
 * @param leaf the leaf's index in the last level
 */
public record LeafId(int partition, int leaf) {
}
