package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireConfig;
import io.grapevine.core.wire.WireMessage;
import java.util.List;

/**
 * Builds and emits this node's packets: protocol frames first, then as many queued rumors as
 * fit in the MTU (SWIM's piggy-backing), counting what it sends. Every room that sends goes
 * through it. Confined to the node's thread.
 */
public final class Transmitter {
    private final WireConfig wire;
    private final int retransmitMult;
    private final MemberTable table;
    private final byte[] header;
    private final PacketBuilder builder;
    private final RumorQueue rumors;
    private final TrafficCounters counters;
    private int memberCount = 1;

    /**
     * A transmitter for {@code self}'s packets.
     *
     * @param retransmitMult the rumor retransmit multiplier (see {@link GossipConfig#retransmitMult()})
     * @param table whose live count sets the retransmit limit, read at {@link #refreshClusterSize()}
     */
    public Transmitter(WireConfig wire, int retransmitMult, NodeId self, MemberTable table, RumorQueue rumors,
                       TrafficCounters counters) {
        this.wire = wire;
        this.retransmitMult = retransmitMult;
        this.table = table;
        this.header = WireCodec.header(wire.clusterLabel(), self);
        this.builder = new PacketBuilder(wire.mtuBytes());
        this.rumors = rumors;
        this.counters = counters;
    }

    /** Takes the cluster size for the retransmit limit from the member table (once per tick). */
    public void refreshClusterSize() {
        memberCount = table.liveCount();
    }

    int transmitLimit() {
        return RumorQueue.retransmitLimit(retransmitMult, memberCount);
    }

    /** Sends {@code message} to {@code to} with rumors piggy-backed. */
    public void send(Address to, WireMessage message, PacketSink out) {
        send(to, List.of(WireCodec.encodeFrame(message)), out);
    }

    /**
     * Sends the given encoded frames to {@code to} with rumors piggy-backed. A frame too large
     * for a datagram (a big digest or delta) goes over a stream instead: never dropped silently.
     * The frames are only read, so one encoding may be sent to many recipients.
     */
    public void send(Address to, List<byte[]> frames, PacketSink out) {
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
    boolean gossip(Address to, PacketSink out) {
        builder.start(header);
        if (rumors.fill(builder, transmitLimit()) == 0) {
            return false;
        }
        emit(to, builder.build(), out);
        return true;
    }

    /** Sends one message over a stream, without piggy-backing. */
    public void stream(Address to, WireMessage message, PacketSink out) {
        stream(to, List.of(message), out);
    }

    /** Sends several messages in one stream packet, handled by the receiver in order. */
    public void stream(Address to, List<? extends WireMessage> messages, PacketSink out) {
        byte[] packet = WireCodec.encodePacket(header, messages);
        counters.sent(packet.length);
        out.sendStream(to, packet);
    }

    private void emit(Address to, byte[] packet, PacketSink out) {
        counters.sent(packet.length);
        out.sendDatagram(to, packet);
    }
}
