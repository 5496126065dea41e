package io.grapevine.core;

import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.repair.RingRepairReport;

/** Something the application should hear about, emitted through {@link Outputs#emit}. */
public sealed interface ClusterEvent
        permits ClusterEvent.MemberChanged, ClusterEvent.NameConflict, ClusterEvent.UserEventReceived,
        ClusterEvent.KeyChanged, ClusterEvent.RingRepairCompleted, ClusterEvent.ServiceEvent {

    /** The variant, for exhaustive {@code switch} expressions. */
    Kind kind();

    /** The variants of {@link ClusterEvent}. */
    enum Kind {
        /** See {@link MemberChanged}. */
        MEMBER_CHANGED,
        /** See {@link NameConflict}. */
        NAME_CONFLICT,
        /** See {@link UserEventReceived}. */
        USER_EVENT,
        /** See {@link KeyChanged}. */
        KEY_CHANGED,
        /** See {@link RingRepairCompleted}. */
        RING_REPAIR_COMPLETED,
        /** See {@link ServiceEvent}. */
        SERVICE_EVENT
    }

    /**
     * A member's entry changed.
     *
     * @param member the entry after the change
     * @param change why
     * @param onWordOf who reported it
     */
    record MemberChanged(Member member, Change change, String onWordOf) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.MEMBER_CHANGED;
        }
    }

    /**
     * Two live nodes of one generation claim the same name. Resolved deterministically (the
     * lower address wins on every node) and surfaced, never merged silently.
     *
     * @param kept the identity kept
     * @param rejected the identity refused
     */
    record NameConflict(NodeId kept, NodeId rejected) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.NAME_CONFLICT;
        }
    }

    /**
     * An application event arrived (or was fired here), delivered once per node.
     *
     * @param event the event
     */
    record UserEventReceived(DeliveredEvent event) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.USER_EVENT;
        }
    }

    /**
     * A replicated key changed on this node: a local write or delete, one learned from a
     * peer, a TTL expiry, or a key that vanished with an owner's old generation.
     *
     * @param change what changed
     */
    record KeyChanged(KeyChange change) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.KEY_CHANGED;
        }
    }

    /**
     * A closed-loop ring repair of the shared keyspace ended at this node, the last holder of
     * its token: the range, who started it, the hops walked with the entries each moved, and
     * whether every replica's root matched at the end.
     *
     * @param report the round
     */
    record RingRepairCompleted(RingRepairReport report) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.RING_REPAIR_COMPLETED;
        }
    }

    /**
     * An installed {@code io.grapevine.core.service.Service} handed the application an event of
     * its own (a slot changed owner, a block was delivered, ...).
     *
     * @param channel the service's channel
     * @param event the service's event object, whose type the service documents
     */
    record ServiceEvent(String channel, Object event) implements ClusterEvent {
        @Override
        public Kind kind() {
            return Kind.SERVICE_EVENT;
        }
    }
}
