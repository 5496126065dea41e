package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.sim.SimObserver;
import java.util.BitSet;

/**
 * Follows one user event (identified by its origin and name, so create the watch before the
 * event is fired) through the cluster: which nodes delivered it ({@code UserEventReceived}), how
 * often one node delivered it twice, and the first time every expected node had it.
 */
public final class EventSpread implements SimObserver {
    private final String origin;
    private final String name;
    private final BitSet expected;
    private final int needed;
    private final BitSet received = new BitSet();
    private int count;
    private long duplicates;
    private long reachedAtNanos = -1;

    /**
     * Watches for the event named {@code name} fired by {@code origin} at the nodes in
     * {@code expected}. Register it with {@code addObserver}.
     *
     * @param origin name of the firing node
     * @param name the event's name, unique within the run
     * @param expected nodes that must deliver it
     */
    public EventSpread(String origin, String name, BitSet expected) {
        this.origin = origin;
        this.name = name;
        this.expected = (BitSet) expected.clone();
        this.needed = expected.cardinality();
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!(event instanceof ClusterEvent.UserEventReceived delivered)) {
            return;
        }
        DeliveredEvent e = delivered.event();
        if (!e.name().equals(name) || !e.origin().equals(origin)) {
            return;
        }
        if (received.get(node)) {
            duplicates++;
            return;
        }
        received.set(node);
        if (expected.get(node)) {
            count++;
            if (reachedAtNanos < 0 && count == needed) {
                reachedAtNanos = nowNanos;
            }
        }
    }

    /** Expected nodes that delivered the event. */
    public int count() {
        return count;
    }

    /** Deliveries of the event to a node that had already delivered it. */
    public long duplicates() {
        return duplicates;
    }

    /** First virtual time every expected node had delivered it, or -1. */
    public long reachedAtNanos() {
        return reachedAtNanos;
    }
}
