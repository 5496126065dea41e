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
 * @param runtimeDrops inputs dropped before reaching the core (decryption, framing, socket
 *                     errors), by reason
 * @param coreFailures calls into the core that threw: each is a bug in Grapevine, not bad
 *                     input, logged with its stack trace (rate-limited) while the node carries
 *                     on. Not drops (the input did reach the core), so not in
 *                     {@link #totalDrops()}. Should stay 0: alert on any other value. An
 *                     application operation refused as API misuse is not counted.
 */
public record ClusterMetrics(Map<MemberStatus, Integer> membersByStatus, NodeMetrics core,
                             Map<RuntimeDrop, Long> runtimeDrops, long coreFailures) {
    /** Freezes the maps and checks the count. */
    public ClusterMetrics {
        membersByStatus = Map.copyOf(membersByStatus);
        runtimeDrops = Map.copyOf(runtimeDrops);
        if (coreFailures < 0) {
            throw new IllegalArgumentException("coreFailures must be >= 0: " + coreFailures);
        }
    }

    /** Every input dropped, in the runtime and in the core. */
    public long totalDrops() {
        return core.totalDrops() + runtimeDrops.values().stream().mapToLong(Long::longValue).sum();
    }
}
