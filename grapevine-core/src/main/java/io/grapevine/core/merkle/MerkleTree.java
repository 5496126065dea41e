package io.grapevine.core.merkle;

import io.grapevine.core.base.Hash64;

/**
 * The Merkle tree of one key range. A leaf's hash is the sum (mod 2^64) of the digests of the
 * entries in its bucket, so a write or delete updates it in O(1) without reading the other
 * entries (subtract the old digest, add the new); an inner node's hash mixes its children's in
 * order, 0 when they are all 0 (an empty subtree costs nothing to describe). Inner nodes above
 * a changed leaf are marked dirty and recomputed when next read, so a burst of writes costs
 * one recomputation of each touched path, and the tree is never rebuilt per exchange.
 *
 * <p>Invariant: after any sequence of {@link #add}/{@link #remove}, every hash equals that of a
 * tree freshly built from the entries present (tested as a property). Confined to one thread.
 */
public final class MerkleTree {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final MerkleShape shape;
    private final int fanoutBits;
    /** levels[0] is the root, levels[depth] the leaves. */
    private final long[][] levels;
    /** dirty[l][i]: inner node (l, i) must be recomputed from its children; l is below depth. */
    private final boolean[][] dirty;
    /** counts[l][i]: entries under node (l, i). */
    private final int[][] counts;

    /** An empty tree (every hash 0) of {@code shape}. */
    public MerkleTree(MerkleShape shape) {
        this.shape = shape;
        this.fanoutBits = Integer.numberOfTrailingZeros(shape.fanout());
        this.levels = new long[shape.depth() + 1][];
        this.dirty = new boolean[shape.depth()][];
        this.counts = new int[shape.depth() + 1][];
        for (int level = 0; level <= shape.depth(); level++) {
            levels[level] = new long[shape.width(level)];
            counts[level] = new int[shape.width(level)];
            if (level < shape.depth()) {
                dirty[level] = new boolean[shape.width(level)];
            }
        }
    }

    /** This tree's shape. */
    public MerkleShape shape() {
        return shape;
    }

    /** Adds an entry whose digest is {@code digest} to {@code leaf}. */
    public void add(int leaf, long digest) {
        levels[shape.depth()][leaf] += digest;
        countPath(leaf, 1);
        markPath(leaf);
    }

    /** Removes an entry whose digest is {@code digest} from {@code leaf} (it must have been added). */
    public void remove(int leaf, long digest) {
        levels[shape.depth()][leaf] -= digest;
        countPath(leaf, -1);
        markPath(leaf);
    }

    private void countPath(int leaf, int change) {
        int index = leaf;
        for (int level = shape.depth(); level >= 0; level--) {
            counts[level][index] += change;
            index >>>= fanoutBits;
        }
    }

    /** How many entries lie under node {@code index} at {@code level}. */
    public int count(int level, int index) {
        return counts[level][index];
    }

    private void markPath(int leaf) {
        int index = leaf;
        for (int level = shape.depth() - 1; level >= 0; level--) {
            index >>>= fanoutBits;
            if (dirty[level][index]) {
                return; // every ancestor of a dirty node is dirty already
            }
            dirty[level][index] = true;
        }
    }

    /** The root's hash: 0 for an empty range. */
    public long root() {
        return hash(0, 0);
    }

    /** The hash of node {@code index} at {@code level} (0 = root, depth = leaves). */
    public long hash(int level, int index) {
        if (level < shape.depth() && dirty[level][index]) {
            long h = 0;
            boolean any = false;
            int first = index << fanoutBits;
            for (int i = 0; i < shape.fanout(); i++) {
                long child = hash(level + 1, first + i);
                any |= child != 0;
                h = Hash64.mix(h ^ (child + GOLDEN * (i + 1)));
            }
            levels[level][index] = any ? h : 0;
            dirty[level][index] = false;
        }
        return levels[level][index];
    }

    /** True when every node of both trees has the same hash and entry count (same shape required). */
    public boolean sameAs(MerkleTree other) {
        if (!shape.equals(other.shape)) {
            return false;
        }
        for (int level = 0; level <= shape.depth(); level++) {
            for (int i = 0; i < shape.width(level); i++) {
                if (hash(level, i) != other.hash(level, i) || counts[level][i] != other.counts[level][i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The digest of one entry, from its key hash and a hash of its version and content. */
    public static long digest(long keyHash, long versionHash) {
        return Hash64.mix(keyHash ^ Hash64.mix(versionHash + GOLDEN));
    }
}
