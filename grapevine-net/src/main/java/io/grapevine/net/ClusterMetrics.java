package io.grapevine.net;

import io.grapevine.core.NodeMetrics;
import io.grapevine.core.base.MemberStatus;
import java.util.Map;

/**
 * A snapshot of one node's health and traffic for dashboards and alerts.
 *
 * @param membersByStatus how many members this node holds in each status
 * @param core the core's counters: packets and bytes in and out, drops by reason, queue
 *             lengths, Lifeguard health score
 * @param runtimeDrops inputs dropped before reaching the core (decryption, framing), by reason
 */
public record ClusterMetrics(Map<MemberStatus, Integer> membersByStatus, NodeMetrics core,
                             Map<RuntimeDrop, Long> runtimeDrops) {
    /** Freezes the maps. */
    public ClusterMetrics {
        membersByStatus = Map.copyOf(membersByStatus);
        runtimeDrops = Map.copyOf(runtimeDrops);
    }

    /** Every input dropped, in the runtime and in the core. */
    public long totalDrops() {
        return core.totalDrops() + runtimeDrops.values().stream().mapToLong(Long::longValue).sum();
    }
}
