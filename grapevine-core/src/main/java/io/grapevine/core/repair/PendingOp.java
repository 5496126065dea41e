package io.grapevine.core.repair;

import io.grapevine.core.keyspace.Precedence;
import io.grapevine.core.wire.SharedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operation this node coordinates, waiting for answers: what it needs, what arrived, and
 * its deadline. Confined to the node's thread.
 */
final class PendingOp {
    final long opId;
    final SharedOpKind kind;
    final int needed;
    final long deadlineNanos;
    private int acks;
    private boolean complete = true;
    /** A write's entry, or a get's newest answer (null: none yet). */
    private SharedEntry best;
    /** A scan's answers by key, the newest kept. */
    private final Map<String, SharedEntry> found = new TreeMap<>();

    PendingOp(long opId, SharedOpKind kind, int needed, long deadlineNanos, SharedEntry written) {
        this.opId = opId;
        this.kind = kind;
        this.needed = needed;
        this.deadlineNanos = deadlineNanos;
        this.best = written;
    }

    /** Counts one acknowledgement or answer; true once enough arrived. */
    boolean answered() {
        acks++;
        return acks >= needed;
    }

    int acks() {
        return acks;
    }

    /** Takes in a replica's entries: the newest per key wins. */
    void offer(List<SharedEntry> entries, boolean answerComplete) {
        complete &= answerComplete;
        for (SharedEntry entry : entries) {
            if (kind == SharedOpKind.GET) {
                if (best == null || Precedence.wins(entry, best)) {
                    best = entry;
                }
            } else {
                found.merge(entry.key(), entry, (a, b) -> Precedence.wins(b, a) ? b : a);
            }
        }
    }

    SharedOpResult result(SharedOpStatus status) {
        List<SharedEntry> entries = new ArrayList<>();
        switch (kind) {
            case PUT, DELETE -> entries.add(best);
            case GET -> {
                if (best != null && !best.tombstone()) {
                    entries.add(best);
                }
            }
            case SCAN -> found.values().stream().filter(e -> !e.tombstone()).forEach(entries::add);
            default -> throw new IllegalStateException();
        }
        return new SharedOpResult(opId, kind, status, acks, entries, complete && status == SharedOpStatus.OK);
    }
}
