package io.grapevine.core.detector;

import io.grapevine.core.base.Address;

/**
 * How one member answered a reachability check (Serf's {@code reachability}): a ping over
 * datagrams (UDP) and one over a stream (TCP), each answered or not.
 *
 * @param member the member's name
 * @param address where it was probed
 * @param datagramRttNanos round trip of the datagram ping, or -1 if no ack came (yet)
 * @param streamRttNanos round trip of the stream ping, or -1 if no ack came (yet)
 */
public record Reachability(String member, Address address, long datagramRttNanos, long streamRttNanos) {
    /** Whether the member answered over datagrams. */
    public boolean byDatagram() {
        return datagramRttNanos >= 0;
    }

    /** Whether the member answered over a stream. */
    public boolean byStream() {
        return streamRttNanos >= 0;
    }
}
