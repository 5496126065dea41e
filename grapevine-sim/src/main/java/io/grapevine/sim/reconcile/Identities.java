package io.grapevine.sim.reconcile;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.WireCodec;

/** The simulated nodes' identities and the size of the packet header each one sends. */
final class Identities {
    /** The cluster label in every packet header. */
    static final String LABEL = "grapevine";
    /** Packet bytes besides the header and the frames: the frame count (1) and the CRC-32C trailer (4). */
    static final int PACKET_EXTRA_BYTES = 1 + WireCodec.CHECKSUM_BYTES;

    private final NodeId[] ids;
    private final int[] headerBytes;

    /** Identities n0..n(N-1) at 10.0.x.y:7946, generation 1. */
    Identities(int nodes) {
        ids = new NodeId[nodes];
        headerBytes = new int[nodes];
        int width = String.valueOf(nodes - 1).length();
        for (int i = 0; i < nodes; i++) {
            String name = "n" + "0".repeat(width - String.valueOf(i).length()) + i;
            ids[i] = new NodeId(name, new Address("10.0." + (i / 250) + "." + (i % 250 + 1), 7946), 1);
            headerBytes[i] = WireCodec.header(LABEL, ids[i]).length + PACKET_EXTRA_BYTES;
        }
    }

    /** The identity of {@code node}. */
    NodeId id(int node) {
        return ids[node];
    }

    /** How many nodes. */
    int count() {
        return ids.length;
    }

    /** Bytes of a packet header sent by {@code node}, with the count byte and checksum. */
    int headerBytes(int node) {
        return headerBytes[node];
    }
}
