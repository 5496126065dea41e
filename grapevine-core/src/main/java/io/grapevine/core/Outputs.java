package io.grapevine.core;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.detector.DetectorOutputs;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.repair.KeyspaceOutputs;
import io.grapevine.core.repair.RingRepairReport;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.service.ServiceOutputs;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.sync.SyncOutputs;

/**
 * The caller-owned sink a {@link Node} writes its outputs into. The node never performs I/O:
 * its driver (the Netty runtime or the simulator) sends the bytes and delivers the events.
 * Methods are called on the thread that called the node, during that call.
 *
 * <p>A driver implements the three abstract methods. The rooms of the core each write through
 * the narrow output interface of their own room ({@link DetectorOutputs}, {@link SyncOutputs},
 * ...); this interface extends them all and turns each room's events into a
 * {@link ClusterEvent} for {@link #emit}.
 */
public interface Outputs extends DetectorOutputs, SyncOutputs, KeyspaceOutputs, ServiceOutputs {
    /** Send {@code packet} as one datagram (UDP) to {@code to}; loss is tolerated. */
    @Override
    void sendDatagram(Address to, byte[] packet);

    /** Send {@code packet} over a reliable stream (TCP) to {@code to}; it may be large. */
    @Override
    void sendStream(Address to, byte[] packet);

    /** Deliver {@code event} to the application. */
    void emit(ClusterEvent event);

    /**
     * A shared-keyspace operation this node coordinates ended. Nothing by default: a driver
     * that starts shared operations ({@code SharedKeyspace.put} and the like) overrides it to
     * answer its caller.
     */
    @Override
    default void sharedOpCompleted(SharedOpResult result) {
    }

    /** Emits {@link ClusterEvent.RingRepairCompleted}; the counters are in {@code Node.shared()}. */
    @Override
    default void ringRepairCompleted(RingRepairReport report) {
        emit(new ClusterEvent.RingRepairCompleted(report));
    }

    /** Emits {@link ClusterEvent.MemberChanged}. */
    @Override
    default void memberChanged(Member member, Change change, String onWordOf) {
        emit(new ClusterEvent.MemberChanged(member, change, onWordOf));
    }

    /** Emits {@link ClusterEvent.NameConflict}. */
    @Override
    default void nameConflict(NodeId kept, NodeId rejected) {
        emit(new ClusterEvent.NameConflict(kept, rejected));
    }

    /** Emits {@link ClusterEvent.KeyChanged}. */
    @Override
    default void keyChanged(KeyChange change) {
        emit(new ClusterEvent.KeyChanged(change));
    }

    /** Emits {@link ClusterEvent.UserEventReceived}. */
    @Override
    default void userEventDelivered(DeliveredEvent event) {
        emit(new ClusterEvent.UserEventReceived(event));
    }

    /** Emits {@link ClusterEvent.ServiceEvent}. */
    @Override
    default void serviceEvent(String channel, Object event) {
        emit(new ClusterEvent.ServiceEvent(channel, event));
    }
}
