package io.grapevine.sim.epidemic;

import java.util.List;

/**
 * What one run of an epidemic measured.
 *
 * @param seed the seed of the run
 * @param rounds rounds until every node had the update (anti-entropy), until no node was still
 *               spreading it (rumor), 1 (direct mail), or {@code maxRounds} if the run was cut
 * @param finished false when the run hit {@code maxRounds} first
 * @param nodes cluster size N
 * @param reached nodes that had the update at the end, the origin included
 * @param updateMessages messages sent that carried the update (Demers' traffic, summed)
 * @param totalMessages every message sent: updates, digests, requests, feedback replies
 * @param bytes bytes of every message sent
 * @param curve the fraction of nodes holding the update after each round; entry 0 is the
 *              start (1/N), entry {@code rounds} the end
 */
public record SpreadResult(long seed, int rounds, boolean finished, int nodes, int reached, long updateMessages,
                           long totalMessages, long bytes, List<Double> curve) {
    /** Freezes the curve and checks the counts. */
    public SpreadResult {
        curve = List.copyOf(curve);
        if (reached < 1 || reached > nodes) {
            throw new IllegalArgumentException("reached must be in 1..nodes: " + reached);
        }
    }

    /** The residue s: the fraction of nodes the update never reached. */
    public double residue() {
        return (nodes - reached) / (double) nodes;
    }

    /** Demers' traffic m: update-carrying messages per node. */
    public double trafficPerNode() {
        return updateMessages / (double) nodes;
    }

    /** Every message sent, per node. */
    public double messagesPerNode() {
        return totalMessages / (double) nodes;
    }

    /** Bytes sent per node. */
    public double bytesPerNode() {
        return bytes / (double) nodes;
    }
}
