package io.grapevine.sim.scenario;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.sim.SimObserver;
import java.util.BitSet;

/**
 * Counts the {@code MemberChanged} events of one kind ({@link Change}) about one member, and the
 * distinct observers that reported one; e.g. how often a paused node was suspected, or whether a
 * leaving node was ever declared dead.
 */
final class MemberEvents implements SimObserver {
    private final String member;
    private final Change change;
    private final BitSet observers = new BitSet();
    private long events;

    MemberEvents(String member, Change change) {
        this.member = member;
        this.change = change;
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (event instanceof ClusterEvent.MemberChanged changed && changed.change() == change
                && changed.member().name().equals(member)) {
            events++;
            observers.set(node);
        }
    }

    long events() {
        return events;
    }

    int observers() {
        return observers.cardinality();
    }
}
