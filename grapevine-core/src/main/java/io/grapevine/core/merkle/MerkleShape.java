package io.grapevine.core.merkle;

/**
 * The shape every Merkle tree of a cluster shares: {@code fanout} children per inner node and
 * {@code depth} levels below the root, so {@code fanout^depth} leaves. A leaf is a bucket of
 * key hashes: the {@code leafBits} bits of a key's hash that follow its range's bits. Two
 * trees can be compared only when their shapes are equal.
 *
 * <p>Trade-off: more leaves mean fewer entries sent per difference (a leaf's entries all
 * travel when it differs) but more hashes per level and more memory (8 bytes a node, per
 * range held).
 *
 * @param fanout children per inner node: a power of two in 2..64. Default 16.
 * @param depth levels below the root, 1..8, with {@code fanout^depth <= 2^24}. Default 3
 *              (4,096 leaves per range).
 */
public record MerkleShape(int fanout, int depth) {
    /** Validates the shape. */
    public MerkleShape {
        if (fanout < 2 || fanout > 64 || Integer.bitCount(fanout) != 1) {
            throw new IllegalArgumentException("merkleFanout must be a power of two in 2..64: " + fanout);
        }
        if (depth < 1 || depth > 8) {
            throw new IllegalArgumentException("merkleDepth must be in 1..8: " + depth);
        }
        if ((long) Integer.numberOfTrailingZeros(fanout) * depth > 24) {
            throw new IllegalArgumentException("merkleFanout^merkleDepth must be <= 2^24 leaves: " + fanout + "^" + depth);
        }
    }

    /** The default shape: fanout 16, depth 3. */
    public static MerkleShape defaults() {
        return new MerkleShape(16, 3);
    }

    /** Bits of a key hash that pick the leaf: {@code log2(fanout) · depth}. */
    public int leafBits() {
        return Integer.numberOfTrailingZeros(fanout) * depth;
    }

    /** Number of leaves. */
    public int leaves() {
        return 1 << leafBits();
    }

    /** Number of nodes at {@code level} (1 at the root). */
    public int width(int level) {
        return 1 << (Integer.numberOfTrailingZeros(fanout) * level);
    }

    /**
     * The leaf of {@code keyHash} in a tree of a range that used the first {@code rangeBits}
     * bits of the hash: the next {@link #leafBits()} bits.
     */
    public int leafOf(long keyHash, int rangeBits) {
        return (int) ((keyHash << rangeBits) >>> (64 - leafBits()));
    }
}
