package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;
import java.util.BitSet;

/**
 * Follows every node's cluster size ({@code liveMemberCount()}, read after each input that
 * emitted events): how many nodes currently see exactly the target size, the first time all
 * did, and, when asked, how many distinct sizes each node reported on the way (the Rapid paper's
 * view-stability measure: 1 is a perfectly stable bootstrap).
 */
public final class ViewSizes implements SimObserver {
    private final Simulation sim;
    private final int target;
    private final int[] lastSize;
    private final BitSet[] distinct;
    private int atTarget;
    private long reachedAtNanos = -1;

    /**
     * Watches every node of {@code sim} for a view of {@code target} live members.
     *
     * @param sim the simulation
     * @param target the size every node must see
     * @param trackDistinct also record the distinct sizes each node reports (N bits per node)
     */
    public ViewSizes(Simulation sim, int target, boolean trackDistinct) {
        this.sim = sim;
        this.target = target;
        this.lastSize = new int[sim.size()];
        this.distinct = trackDistinct ? new BitSet[sim.size()] : null;
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        // Sizes are read once the node's handler has returned, in afterEvents.
    }

    @Override
    public void afterEvents(int node, long nowNanos) {
        int size = sim.node(node).liveMemberCount();
        if (distinct != null) {
            if (distinct[node] == null) {
                distinct[node] = new BitSet();
            }
            distinct[node].set(size);
        }
        if (size == lastSize[node]) {
            return;
        }
        if (lastSize[node] == target) {
            atTarget--;
        }
        if (size == target) {
            atTarget++;
        }
        lastSize[node] = size;
        if (reachedAtNanos < 0 && atTarget == lastSize.length) {
            reachedAtNanos = nowNanos;
        }
    }

    /** Whether every node sees the target size now. */
    public boolean all() {
        return atTarget == lastSize.length;
    }

    /** Nodes seeing the target size now. */
    public int atTarget() {
        return atTarget;
    }

    /** First virtual time every node saw the target size, or -1. */
    public long reachedAtNanos() {
        return reachedAtNanos;
    }

    /** Largest number of distinct sizes one node reported (needs {@code trackDistinct}). */
    public int maxDistinct() {
        int max = 0;
        for (BitSet sizes : distinctSets()) {
            max = Math.max(max, sizes.cardinality());
        }
        return max;
    }

    /**
     * The number of distinct sizes reported by any node, as the Rapid paper counts them (the
     * union over nodes; memberlist 1,858 at N = 2,000, Rapid 4). Needs {@code trackDistinct}.
     */
    public int distinctAcrossNodes() {
        BitSet union = new BitSet();
        for (BitSet sizes : distinctSets()) {
            union.or(sizes);
        }
        return union.cardinality();
    }

    /** Mean over nodes of the number of distinct sizes reported (needs {@code trackDistinct}). */
    public double meanDistinct() {
        long total = 0;
        for (BitSet sizes : distinctSets()) {
            total += sizes.cardinality();
        }
        return (double) total / lastSize.length;
    }

    private BitSet[] distinctSets() {
        if (distinct == null) {
            throw new IllegalStateException("distinct sizes were not tracked");
        }
        BitSet[] sets = new BitSet[distinct.length];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = distinct[i] == null ? new BitSet() : distinct[i];
        }
        return sets;
    }
}
