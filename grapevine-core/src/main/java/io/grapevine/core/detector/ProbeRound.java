package io.grapevine.core.detector;

import io.grapevine.core.base.NodeId;

/**
 * This node's one outstanding probe: direct ping, then (after the probe timeout) indirect
 * pings through relays and a stream probe, until the end of the protocol period.
 */
public final class ProbeRound {
    private final NodeId target;
    private final int sequence;
    private final long startedNanos;
    private final long ackDeadlineNanos;
    private final long periodEndNanos;
    private boolean indirect;
    private boolean acked;
    private int expectedNacks;
    private int nacks;

    /** A probe of {@code target} sent at {@code startedNanos}. */
    public ProbeRound(NodeId target, int sequence, long startedNanos, long ackDeadlineNanos, long periodEndNanos) {
        this.target = target;
        this.sequence = sequence;
        this.startedNanos = startedNanos;
        this.ackDeadlineNanos = ackDeadlineNanos;
        this.periodEndNanos = periodEndNanos;
    }

    /** The probed member. */
    public NodeId target() {
        return target;
    }

    /** The sequence number of the ping. */
    public int sequence() {
        return sequence;
    }

    /** When the ping was sent. */
    public long startedNanos() {
        return startedNanos;
    }

    /** When the direct phase times out. */
    public long ackDeadlineNanos() {
        return ackDeadlineNanos;
    }

    /** When the probe is judged. */
    public long periodEndNanos() {
        return periodEndNanos;
    }

    /** Whether the indirect phase has begun. */
    public boolean indirect() {
        return indirect;
    }

    /** Whether an ack arrived. */
    public boolean acked() {
        return acked;
    }

    /** Enters the indirect phase, expecting {@code nacksExpected} nacks from relays. */
    public void goIndirect(int nacksExpected) {
        indirect = true;
        expectedNacks = nacksExpected;
    }

    /** Records the ack. */
    public void ack() {
        acked = true;
    }

    /** Records a relay's nack. */
    public void nack() {
        nacks++;
    }

    /**
     * Whether a relay nacked: a round trip with that relay worked, and it could not reach the
     * target either, so the silence is the target's side, not this node's.
     */
    public boolean nacked() {
        return nacks > 0;
    }

    /**
     * Lifeguard's health penalty for a failed probe: one per nack that should have come back
     * but did not, or one when no relays were asked.
     */
    public int missedNackPenalty() {
        return expectedNacks > 0 ? Math.max(0, expectedNacks - nacks) : 1;
    }

    /** The next time this probe needs attention. */
    public long nextDeadlineNanos() {
        if (acked) {
            return Long.MAX_VALUE;
        }
        return indirect ? periodEndNanos : ackDeadlineNanos;
    }
}
