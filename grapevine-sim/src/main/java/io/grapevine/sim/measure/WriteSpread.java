package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.state.KeyChange;
import io.grapevine.sim.SimObserver;
import java.util.BitSet;

/**
 * Follows one replicated-state write (its owner, key and version, so create the watch before
 * the write, or right after it and before the simulation runs on) through the cluster: the
 * first time every expected node held that version or a newer one ({@code KeyChanged}).
 */
public final class WriteSpread implements SimObserver {
    private final String owner;
    private final String key;
    private final long version;
    private final BitSet missing;
    private final long startNanos;
    private long reachedAtNanos = -1;

    /**
     * Watches {@code owner}'s {@code key} at {@code version} reach the nodes in {@code expected}.
     *
     * @param expected nodes that must hold it (the writer excluded); not modified
     * @param nowNanos the write's time
     */
    public WriteSpread(String owner, String key, long version, BitSet expected, long nowNanos) {
        this.owner = owner;
        this.key = key;
        this.version = version;
        this.missing = (BitSet) expected.clone();
        this.startNanos = nowNanos;
        if (missing.isEmpty()) {
            reachedAtNanos = nowNanos;
        }
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (reachedAtNanos >= 0 || !(event instanceof ClusterEvent.KeyChanged changed)) {
            return;
        }
        KeyChange change = changed.change();
        if (change.newVersion() < version || !change.key().equals(key) || !change.owner().name().equals(owner)) {
            return;
        }
        missing.clear(node);
        if (missing.isEmpty()) {
            reachedAtNanos = nowNanos;
        }
    }

    /** Expected nodes that do not hold the write yet. */
    public int missing() {
        return missing.cardinality();
    }

    /** When the watch began: the write's time. */
    public long startNanos() {
        return startNanos;
    }

    /** First virtual time every expected node held the write, or -1. */
    public long reachedAtNanos() {
        return reachedAtNanos;
    }
}
