package io.grapevine.core;

import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;

/**
 * Builds and emits this node's packets: protocol frames first, then as many queued rumors as
 * fit in the MTU (SWIM's piggy-backing), counting what it sends.
 */
final class Transmitter {
    private final CoreConfig config;
    private final NodeId self;
    private final byte[] header;
    private final PacketBuilder builder;
    private final RumorQueue rumors;
    private final Counters counters;
    private int memberCount = 1;

    Transmitter(CoreConfig config, NodeId self, RumorQueue rumors, Counters counters) {
        this.config = config;
        this.self = self;
        this.header = WireCodec.header(config.clusterLabel(), self);
        this.builder = new PacketBuilder(config.mtuBytes());
        this.rumors = rumors;
        this.counters = counters;
    }

    /** Sets the cluster size used for the retransmit limit. */
    void memberCount(int n) {
        memberCount = n;
    }

    int transmitLimit() {
        return RumorQueue.retransmitLimit(config.retransmitMult(), memberCount);
    }

    /** Sends {@code message} to {@code to} with rumors piggy-backed. */
    void send(Address to, WireMessage message, Outputs out) {
        send(to, List.of(WireCodec.encodeFrame(message)), out);
    }

    /**
     * Sends the given frames to {@code to} with rumors piggy-backed. A frame too large for a
     * datagram (a big digest or delta) goes over a stream instead: never dropped silently.
     */
    void send(Address to, List<byte[]> frames, Outputs out) {
        builder.start(header);
        for (byte[] frame : frames) {
            if (!builder.tryAdd(frame)) {
                byte[] packet = WireCodec.packetOf(header, frame);
                counters.sent(packet.length);
                out.sendStream(to, packet);
            }
        }
        rumors.fill(builder, transmitLimit());
        if (builder.count() > 0) {
            emit(to, builder.build(), out);
        }
    }

    /** Sends queued rumors only; returns false when there was nothing to send. */
    boolean gossip(Address to, Outputs out) {
        builder.start(header);
        if (rumors.fill(builder, transmitLimit()) == 0) {
            return false;
        }
        emit(to, builder.build(), out);
        return true;
    }

    /** Sends one message over a stream, without piggy-backing. */
    void stream(Address to, WireMessage message, Outputs out) {
        stream(to, List.of(message), out);
    }

    /** Sends several messages in one stream packet, handled by the receiver in order. */
    void stream(Address to, List<? extends WireMessage> messages, Outputs out) {
        byte[] packet = WireCodec.encodePacket(config.clusterLabel(), self, messages);
        counters.sent(packet.length);
        out.sendStream(to, packet);
    }

    private void emit(Address to, byte[] packet, Outputs out) {
        counters.sent(packet.length);
        out.sendDatagram(to, packet);
    }
}
