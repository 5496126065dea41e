package io.grapevine.sim.measure;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Member;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;
import java.util.BitSet;

/**
 * Watches a restarted member for zombies: once an observer has seen the new life (generation
 * at least {@code newGeneration}), any later event at that observer that shows an older
 * generation of the member as live counts as a resurrection. Invariant to hold: zero.
 */
public final class Resurrections implements SimObserver {
    private final String member;
    private final long newGeneration;
    private final BitSet seenNew = new BitSet();
    private long count;

    /** Watches member {@code memberIndex} of {@code sim}, whose new life is {@code newGeneration}. */
    public Resurrections(Simulation sim, int memberIndex, long newGeneration) {
        this.member = sim.name(memberIndex);
        this.newGeneration = newGeneration;
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!(event instanceof ClusterEvent.MemberChanged changed) || !changed.member().name().equals(member)) {
            return;
        }
        Member m = changed.member();
        if (m.id().generation() >= newGeneration) {
            seenNew.set(node);
        } else if (seenNew.get(node) && m.status().isLive()) {
            count++;
        }
    }

    /** Events that showed an old life as live after the new one was known. */
    public long count() {
        return count;
    }
}
