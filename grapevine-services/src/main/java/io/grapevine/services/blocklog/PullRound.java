package io.grapevine.services.blocklog;

/**
 * The state of one node's current pull round (or a new leader's takeover, which is a pull round
 * sent to every live peer): its nonce, the highest block requested so far (so two digests do not
 * ask for the same range twice), and the peer with the most blocks heard of. A digest or response
 * with another nonce belongs to an older round. Not thread-safe: the node's thread only.
 */
final class PullRound {
    private long nonce;
    private boolean open;
    private long requestedThrough;
    private String bestPeer;
    private long bestLow;
    private long bestHigh;

    /** Starts a new round with {@code nonce}, forgetting the previous one; nothing requested beyond {@code height}. */
    void start(long nonce, long height) {
        this.nonce = nonce;
        this.open = true;
        this.requestedThrough = height;
        this.bestPeer = null;
        this.bestLow = 0;
        this.bestHigh = height;
    }

    /** True when {@code other} is this round's nonce. */
    boolean matches(long other) {
        return open && nonce == other;
    }

    long nonce() {
        return nonce;
    }

    /** Notes that {@code peer} holds {@code low..high}. */
    void heard(String peer, long low, long high) {
        if (high > bestHigh) {
            bestPeer = peer;
            bestLow = low;
            bestHigh = high;
        }
    }

    /**
     * The next range to ask a peer holding {@code low..high} for, at most {@code max} blocks above
     * both {@code height} and what this round already asked for, marked as asked; empty
     * ({@code from > to}) when there is none.
     */
    long[] claimRange(long height, long low, long high, int max) {
        long from = Math.max(requestedThrough, height) + 1;
        if (from < low) {
            return new long[] {1, 0}; // that peer no longer holds what we miss
        }
        long to = Math.min(high, from + max - 1);
        if (from <= to) {
            requestedThrough = to;
        }
        return new long[] {from, to};
    }

    /** Forgets what was asked beyond {@code height} (the responses came or were lost), so it can be asked again. */
    void resetRequested(long height) {
        requestedThrough = height;
    }

    long requestedThrough() {
        return requestedThrough;
    }

    String bestPeer() {
        return bestPeer;
    }

    long bestLow() {
        return bestLow;
    }

    /** The highest block any peer said it holds in this round (at least the height the round started at). */
    long bestHigh() {
        return bestHigh;
    }
}
