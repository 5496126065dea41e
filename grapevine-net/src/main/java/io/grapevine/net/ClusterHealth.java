package io.grapevine.net;

import java.util.List;

/**
 * Whether this node is joined and sees the cluster its peers see: the "converged" signal
 * (the agent's {@code /v1/health}) that lets a caller wait for a cluster instead of sleeping.
 *
 * @param healthy joined, no member suspect in this view, and every live member published the
 *                same view digest as this node
 * @param reason why not, in one sentence; empty when healthy
 * @param liveMembers live members in this node's view, itself included
 * @param disagreeing live members whose published view differs from this node's (or who
 *                    published none yet), by name
 */
public record ClusterHealth(boolean healthy, String reason, int liveMembers, List<String> disagreeing) {
    /** Freezes the list. */
    public ClusterHealth {
        disagreeing = List.copyOf(disagreeing);
    }
}
