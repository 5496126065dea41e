package io.grapevine.core.wire;

import io.grapevine.core.base.Address;

/**
 * Where a room writes the packets it wants sent; the driver performs them. Methods are called
 * on the node's thread, during the input that caused them.
 */
public interface PacketSink {
    /** Send {@code packet} as one datagram (UDP) to {@code to}; loss is tolerated. */
    void sendDatagram(Address to, byte[] packet);

    /** Send {@code packet} over a reliable stream (TCP) to {@code to}; it may be large. */
    void sendStream(Address to, byte[] packet);
}
