package io.grapevine.core.repair;

import io.grapevine.core.wire.SharedEntry;
import java.util.List;

/**
 * The end of one shared-keyspace operation.
 *
 * @param opId the id the caller gave the operation
 * @param kind what it was
 * @param status how it ended
 * @param acks replicas that acknowledged (writes) or answered (reads, scans), this node included
 * @param entries a write: the entry written; a get: the newest live entry found (none when the
 *                key is absent or deleted); a scan: the live entries found, in key order
 * @param complete false when a scan's answer was cut to the repair byte budget or a replica
 *                 did not answer
 */
public record SharedOpResult(long opId, SharedOpKind kind, SharedOpStatus status, int acks, List<SharedEntry> entries,
                             boolean complete) {
    /** Copies the list. */
    public SharedOpResult {
        entries = List.copyOf(entries);
    }
}
