package io.grapevine.sim.reconcile;

import io.grapevine.core.base.KeyPriority;

/**
 * What one reconciliation run measured. Bytes include one packet header per message.
 *
 * @param policy the reconciliation scheme
 * @param workload what was written
 * @param quietClass starvation: the quiet key's class; load: the class of the keys written
 * @param seed the seed of the run
 * @param nodes cluster size
 * @param rounds rounds until the end condition (all identical; quiet key everywhere) or the cap
 * @param finished false when the run hit {@code maxRounds} first
 * @param messages messages sent (SYN, ACK and non-empty ACK2)
 * @param headerBytes packet headers, count bytes and checksums
 * @param digestBytes Scuttlebutt digests (SYN, and the ACK's digest); precise: version lists and want lists
 * @param deltaBytes encoded deltas (entries and their part headers)
 * @param entries entries sent, redundant ones included
 * @param largestMessageBytes the largest single message
 * @param messagesOverMtu messages larger than the 1,400-byte MTU
 * @param maxNodeBytes bytes sent by the node that sent most
 * @param stalenessWorst starvation: rounds from the quiet write until the last node held it
 *                       (the write's round counts as 1); NaN if not every node got it, or load
 * @param stalenessMean starvation: the mean over the other nodes of those rounds; NaN as above
 * @param quietReached starvation: nodes holding the quiet key at the end, its writer included; load: 0
 */
public record ReconcileResult(ReconcilePolicy policy, ReconcileWorkload workload, KeyPriority quietClass, long seed,
                              int nodes, int rounds, boolean finished, long messages, long headerBytes,
                              long digestBytes, long deltaBytes, long entries, int largestMessageBytes,
                              long messagesOverMtu, long maxNodeBytes, double stalenessWorst, double stalenessMean,
                              int quietReached) {
    /** All bytes sent. */
    public long totalBytes() {
        return headerBytes + digestBytes + deltaBytes;
    }

    /** Bytes sent per node over the run. */
    public double bytesPerNode() {
        return totalBytes() / (double) nodes;
    }

    /** Bytes sent per node per round. */
    public double bytesPerNodePerRound() {
        return bytesPerNode() / Math.max(1, rounds);
    }
}
