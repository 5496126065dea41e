package io.grapevine.services.blocklog;

import java.util.List;

/**
 * Who produces: the lowest-named live member (alive or suspect in this node's view, itself
 * included). Once the member views agree, every node names the same leader, so one node
 * produces. A node that becomes the leader first takes over: for {@code takeoverNanos} it
 * gathers digests from every live peer and pulls what lies beyond its chain; it produces once
 * that time is over and it holds the highest block any peer reported (or, if that peer died,
 * {@value #GIVE_UP_FACTOR} takeover times later), so it continues the longest chain a live member
 * holds. A leader that sees a lower-named live member yields at once. Not thread-safe.
 */
final class Leadership {
    /** How many takeover times a new leader waits, at most, for blocks a peer reported but never sent. */
    static final int GIVE_UP_FACTOR = 4;

    private final long takeoverNanos;
    private String leader = "";
    private boolean leading;
    private boolean producing;
    private long takeoverEndsNanos;

    Leadership(long takeoverNanos) {
        this.takeoverNanos = takeoverNanos;
    }

    /** What a review decided. */
    enum Step {
        /** Nothing changed for this node. */
        NONE,
        /** This node just became the leader: start a takeover. */
        TAKE_OVER,
        /** This node was the leader and no longer is. */
        YIELD
    }

    /** Re-reads the live peers (sorted) and says whether this node must take over or yield. */
    Step review(String self, List<String> livePeers, long nowNanos) {
        leader = livePeers.isEmpty() || self.compareTo(livePeers.get(0)) < 0 ? self : livePeers.get(0);
        boolean mine = leader.equals(self);
        if (mine && !leading) {
            leading = true;
            producing = false;
            takeoverEndsNanos = nowNanos + takeoverNanos;
            return Step.TAKE_OVER;
        }
        if (!mine && leading) {
            leading = false;
            producing = false;
            return Step.YIELD;
        }
        return Step.NONE;
    }

    /**
     * Ends the takeover when it is due: its time is over and the chain holds {@code target} (the
     * highest block reported), or the give-up time has passed. Returns true the one time it ends.
     */
    boolean finishTakeover(long height, long target, long nowNanos) {
        if (!leading || producing || nowNanos < takeoverEndsNanos) {
            return false;
        }
        if (height >= target || nowNanos >= takeoverEndsNanos + GIVE_UP_FACTOR * takeoverNanos) {
            producing = true;
            return true;
        }
        return false;
    }

    /**
     * When the takeover must be looked at again, given the time of the last look; {@link Long#MAX_VALUE}
     * when none is under way.
     */
    long deadlineNanos(long lastLookNanos) {
        if (!leading || producing) {
            return Long.MAX_VALUE;
        }
        return lastLookNanos < takeoverEndsNanos ? takeoverEndsNanos : takeoverEndsNanos + GIVE_UP_FACTOR * takeoverNanos;
    }

    String leader() {
        return leader;
    }

    boolean inTakeover() {
        return leading && !producing;
    }

    boolean producing() {
        return producing;
    }
}
