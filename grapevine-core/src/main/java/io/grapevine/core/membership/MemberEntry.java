package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import java.util.List;

/**
 * The mutable record one node keeps about one member. Owned by a {@link MemberTable} and
 * changed only through it, on the node's thread.
 */
public final class MemberEntry {
    private NodeId id;
    private long incarnation;
    private MemberStatus status;
    private long sinceNanos;
    /** When this member last refuted a suspicion or death this node held (Long.MIN_VALUE: never). */
    private long lastRefutedNanos = Long.MIN_VALUE;
    /** Null until the first transition is recorded: most of an N² simulation's entries never record one. */
    private History history;
    int index;

    MemberEntry(NodeId id, long incarnation, MemberStatus status, long sinceNanos) {
        this.id = id;
        this.incarnation = incarnation;
        this.status = status;
        this.sinceNanos = sinceNanos;
    }

    /** The member's identity. */
    public NodeId id() {
        return id;
    }

    /** The member's name. */
    public String name() {
        return id.name();
    }

    /** The incarnation held. */
    public long incarnation() {
        return incarnation;
    }

    /** The status held. */
    public MemberStatus status() {
        return status;
    }

    /** When this member last refuted a suspicion or death this node held, in node time ({@code Long.MIN_VALUE}: never). */
    public long lastRefutedNanos() {
        return lastRefutedNanos;
    }

    void refutedAt(long nowNanos) {
        lastRefutedNanos = nowNanos;
    }

    /** When the member entered its status (node time). */
    public long sinceNanos() {
        return sinceNanos;
    }

    /** The recorded transitions, oldest first. */
    public List<Transition> history() {
        return history == null ? List.of() : history.toList();
    }

    /** An immutable snapshot. */
    public Member snapshot() {
        return new Member(id, incarnation, status, sinceNanos);
    }

    void set(NodeId newId, long newIncarnation, MemberStatus newStatus, long nowNanos) {
        if (newStatus != status || !newId.equals(id)) {
            sinceNanos = nowNanos;
        }
        id = newId;
        incarnation = newIncarnation;
        status = newStatus;
    }

    void record(Transition transition, int historyCapacity) {
        if (historyCapacity == 0) {
            return;
        }
        if (history == null) {
            history = new History(historyCapacity);
        }
        history.add(transition);
    }
}
