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
    private final History history;
    int index;

    MemberEntry(NodeId id, long incarnation, MemberStatus status, long sinceNanos, int historyCapacity) {
        this.id = id;
        this.incarnation = incarnation;
        this.status = status;
        this.sinceNanos = sinceNanos;
        this.history = new History(historyCapacity);
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

    /** When the member entered its status (node time). */
    public long sinceNanos() {
        return sinceNanos;
    }

    /** The recorded transitions, oldest first. */
    public List<Transition> history() {
        return history.toList();
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

    void record(Transition transition) {
        history.add(transition);
    }
}
