package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.keyspace.Precedence;
import io.grapevine.core.wire.SharedEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operation this node coordinates, waiting for answers: what it needs, what arrived, the
 * replicas asked that have not answered yet (with what each was sent, to resend it), and its
 * deadline. A replica counts once however often it answers. Confined to the node's thread.
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
    /** The replicas asked and not heard from yet, by name, in the order asked. */
    private final Map<String, Request> awaiting = new LinkedHashMap<>();
    private long nextResendNanos = Long.MAX_VALUE;

    /** What was sent to one replica: resent as it was until the replica answers. */
    record Request(Address address, List<byte[]> frames) {
    }

    PendingOp(long opId, SharedOpKind kind, int needed, long deadlineNanos, SharedEntry written) {
        this.opId = opId;
        this.kind = kind;
        this.needed = needed;
        this.deadlineNanos = deadlineNanos;
        this.best = written;
    }

    /** Records that {@code replica}, at {@code address}, was sent {@code frames}; resends are due from {@code resendAtNanos}. */
    void asked(String replica, Address address, List<byte[]> frames, long resendAtNanos) {
        awaiting.put(replica, new Request(address, frames));
        nextResendNanos = Math.min(nextResendNanos, resendAtNanos);
    }

    /**
     * Whether {@code replica} was asked and had not answered yet: its first answer counts, a
     * second (to a resent request) or one from a member never asked does not.
     */
    boolean firstAnswerFrom(String replica) {
        return awaiting.remove(replica) != null;
    }

    /**
     * The requests still unanswered if a resend is due at {@code nowNanos}, the next one then
     * due {@code intervalNanos} later; otherwise none.
     */
    List<Request> resendsDue(long nowNanos, long intervalNanos) {
        if (awaiting.isEmpty() || nextResendNanos > nowNanos) {
            return List.of();
        }
        nextResendNanos = nowNanos + intervalNanos;
        return List.copyOf(awaiting.values());
    }

    /** When the next resend is due: {@code Long.MAX_VALUE} once every replica asked answered. */
    long nextResendNanos() {
        return awaiting.isEmpty() ? Long.MAX_VALUE : nextResendNanos;
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
