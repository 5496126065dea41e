package io.grapevine.core.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations this node coordinates, by id, at most {@code capacity} at once (an operation
 * beyond it is REJECTED at once). Confined to the node's thread.
 */
final class PendingOps {
    private final int capacity;
    private final Map<Long, PendingOp> byId = new TreeMap<>();

    PendingOps(int capacity) {
        this.capacity = capacity;
    }

    boolean full() {
        return byId.size() >= capacity;
    }

    boolean contains(long opId) {
        return byId.containsKey(opId);
    }

    void add(PendingOp op) {
        byId.put(op.opId, op);
    }

    PendingOp get(long opId) {
        return byId.get(opId);
    }

    void remove(long opId) {
        byId.remove(opId);
    }

    /** Removes and returns the operations whose deadline passed, in id order. */
    List<PendingOp> expire(long nowNanos) {
        List<PendingOp> expired = new ArrayList<>();
        for (PendingOp op : byId.values()) {
            if (op.deadlineNanos <= nowNanos) {
                expired.add(op);
            }
        }
        for (PendingOp op : expired) {
            byId.remove(op.opId);
        }
        return expired;
    }

    /** The operations pending, in id order (read-only). */
    Iterable<PendingOp> all() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    /** The earliest deadline or resend, or {@code Long.MAX_VALUE} when nothing is pending. */
    long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (PendingOp op : byId.values()) {
            next = Math.min(next, Math.min(op.deadlineNanos, op.nextResendNanos()));
        }
        return next;
    }
}
