package io.grapevine.services.slotmap;

import java.util.List;
import java.util.Optional;

/**
 * One node as a {@link SlotMapView} sees it: a line of Redis's {@code CLUSTER NODES}.
 *
 * @param name the member's name (Redis's node id)
 * @param configEpoch the epoch the node announces its slot claims with (never decreases)
 * @param ranges the slots this view gives the node (after epoch resolution), ascending; unmodifiable
 * @param master the member this node replicates, or empty for a master
 * @param replicationOffset the application's replication offset the node last announced
 * @param failed whether the node is FAIL in this view (flagged PFAIL by a majority of slot owners)
 * @param failureReports how many slot owners flag the node PFAIL in this view
 */
public record ClusterNodeInfo(String name, long configEpoch, List<SlotRange> ranges, Optional<String> master,
                              long replicationOffset, boolean failed, int failureReports) {
    /** Copies the ranges. */
    public ClusterNodeInfo {
        ranges = List.copyOf(ranges);
    }

    /** Number of slots the node owns in this view. */
    public int slotCount() {
        int count = 0;
        for (SlotRange range : ranges) {
            count += range.size();
        }
        return count;
    }

    /** Whether the node is a replica. */
    public boolean isReplica() {
        return master.isPresent();
    }
}
