package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;

/**
 * The first step of every input: counts the packet, decodes it (the total decoder), and
 * drops what must not reach the protocol: a rejection by the codec (counted by its
 * {@link Rejection}) or a packet claiming to come from this node's own name (FROM_SELF).
 * Confined to the node's thread.
 */
public final class Receiver {
    /** Largest datagram accepted: the most a UDP payload can hold. */
    public static final int MAX_DATAGRAM_BYTES = 65_535;

    private final String clusterLabel;
    private final String selfName;
    private final Interner interner;
    private final TrafficCounters counters;

    /** Accepts packets of {@code clusterLabel} for node {@code self}, canonicalizing identities through {@code interner}. */
    public Receiver(String clusterLabel, NodeId self, Interner interner, TrafficCounters counters) {
        this.clusterLabel = clusterLabel;
        this.selfName = self.name();
        this.interner = interner;
        this.counters = counters;
    }

    /** The decoded packet, or {@code null} when it was dropped (and counted). Never throws on bad input. */
    public Packet accept(byte[] packet, int maxBytes) {
        int length = packet == null ? 0 : packet.length;
        counters.received(length);
        Decoded decoded = WireCodec.decode(packet, 0, length, clusterLabel, maxBytes, interner);
        if (decoded instanceof Decoded.Rejected rejected) {
            counters.drop(DropReason.of(rejected.reason()));
            return null;
        }
        Packet result = ((Decoded.Ok) decoded).packet();
        if (result.sender().name().equals(selfName)) {
            counters.drop(DropReason.FROM_SELF);
            return null;
        }
        return result;
    }
}
