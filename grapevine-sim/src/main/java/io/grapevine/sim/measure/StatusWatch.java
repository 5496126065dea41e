package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Member;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;
import java.util.BitSet;
import java.util.function.Predicate;

/**
 * Tracks how many of a set of observers currently hold an entry for one member that satisfies
 * a condition (e.g. "DEAD", "LEFT", "ALIVE with generation 2"), updated from the observers'
 * {@code MemberChanged} events, and the first time all of them did. O(1) per event.
 */
public final class StatusWatch implements SimObserver {
    private final String member;
    private final Predicate<Member> condition;
    private final BitSet observers;
    private final BitSet satisfied = new BitSet();
    private final int needed;
    private int count;
    private long reachedAtNanos = -1;
    private long violations;

    /**
     * Starts watching now: reads each observer's current entry for {@code memberIndex} once,
     * then follows events. Register it with {@code addObserver}.
     *
     * @param sim the simulation
     * @param memberIndex the watched member
     * @param observers the nodes whose views count (each must have started)
     * @param condition what an entry must satisfy
     */
    public StatusWatch(Simulation sim, int memberIndex, BitSet observers, Predicate<Member> condition) {
        this.member = sim.name(memberIndex);
        this.condition = condition;
        this.observers = (BitSet) observers.clone();
        this.needed = observers.cardinality();
        for (int i = observers.nextSetBit(0); i >= 0; i = observers.nextSetBit(i + 1)) {
            if (sim.node(i).member(member).filter(condition).isPresent()) {
                satisfied.set(i);
                count++;
            }
        }
        checkReached(sim.nowNanos());
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!(event instanceof ClusterEvent.MemberChanged changed) || !observers.get(node)
                || !changed.member().name().equals(member)) {
            return;
        }
        boolean holds = condition.test(changed.member());
        if (holds != satisfied.get(node)) {
            satisfied.set(node, holds);
            count += holds ? 1 : -1;
            if (!holds && reachedAtNanos >= 0) {
                violations++;
            }
        }
        checkReached(nowNanos);
    }

    private void checkReached(long nowNanos) {
        if (reachedAtNanos < 0 && count == needed) {
            reachedAtNanos = nowNanos;
        }
    }

    /** Observers whose entry satisfies the condition now. */
    public int count() {
        return count;
    }

    /** Whether every observer's entry satisfies the condition now. */
    public boolean all() {
        return count == needed;
    }

    /** The first virtual time every observer satisfied the condition, or -1. */
    public long reachedAtNanos() {
        return reachedAtNanos;
    }

    /** Times an observer stopped satisfying the condition after all had reached it. */
    public long violations() {
        return violations;
    }
}
