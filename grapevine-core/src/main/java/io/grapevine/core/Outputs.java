package io.grapevine.core;

import io.grapevine.core.membership.Address;

/**
 * The caller-owned sink a {@link Node} writes its outputs into. The node never performs I/O:
 * its driver (the Netty runtime or the simulator) sends the bytes and delivers the events.
 * Methods are called on the thread that called the node, during that call.
 */
public interface Outputs {
    /** Send {@code packet} as one datagram (UDP) to {@code to}; loss is tolerated. */
    void sendDatagram(Address to, byte[] packet);

    /** Send {@code packet} over a reliable stream (TCP) to {@code to}; it may be large. */
    void sendStream(Address to, byte[] packet);

    /** Deliver {@code event} to the application. */
    void emit(ClusterEvent event);
}
