package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.RumorKnown;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireConfig;
import io.grapevine.core.wire.WireLimits;
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
    private final MailReceipts receipts;
    private int memberCount = 1;

    /**
     * A transmitter for {@code self}'s packets.
     *
     * @param retransmitMult the rumor retransmit multiplier (see {@link GossipConfig#retransmitMult()})
     * @param table whose live count sets the retransmit limit, read at {@link #refreshClusterSize()}
     * @param receipts the mail acknowledgements owed, which ride on every packet to their address
     */
    public Transmitter(WireConfig wire, int retransmitMult, NodeId self, MemberTable table, RumorQueue rumors,
                       TrafficCounters counters, MailReceipts receipts) {
        this.wire = wire;
        this.retransmitMult = retransmitMult;
        this.table = table;
        this.header = WireCodec.header(wire.clusterLabel(), self);
        this.builder = new PacketBuilder(wire.mtuBytes());
        this.rumors = rumors;
        this.counters = counters;
        this.receipts = receipts;
    }

    /** Takes the cluster size for the retransmit limit from the member table (once per tick). */
    public void refreshClusterSize() {
        memberCount = table.liveCount();
    }

    /** Transmissions each rumor gets at the current cluster size (memberlist's limit). */
    public int transmitLimit() {
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
        send(to, frames, List.of(), out);
    }

    /**
     * Sends {@code frames} with rumors piggy-backed, leaving out those whose key hashes are in
     * {@code knownThere} besides the ones the owed replies attached here report.
     */
    private void send(Address to, List<byte[]> frames, List<Integer> knownThere, PacketSink out) {
        builder.start(header);
        for (byte[] frame : frames) {
            if (!builder.tryAdd(frame)) {
                byte[] packet = WireCodec.packetOf(header, frame);
                counters.sent(packet.length);
                out.sendStream(to, packet);
            }
        }
        List<Integer> attached = receipts.attach(to, builder);
        rumors.fill(builder, transmitLimit(), attached.isEmpty() ? knownThere : attached);
        if (builder.count() > 0) {
            emit(to, builder.build(), out);
        }
    }

    /** A recipient reported it already had the rumors named in {@code known}: feedback for their policies. */
    public void onRumorKnown(RumorKnown known) {
        int limit = transmitLimit();
        for (int hash : known.keyHashes()) {
            rumors.feedback(hash, limit);
        }
    }

    /** Whether {@code frames} fit together in one datagram with this node's header. */
    public boolean fitsOneDatagram(List<byte[]> frames) {
        long size = header.length + 1L + WireCodec.CHECKSUM_BYTES;
        for (byte[] frame : frames) {
            size += frame.length;
        }
        return size <= wire.mtuBytes() && frames.size() <= WireLimits.MAX_MESSAGES_PER_PACKET;
    }

    /** Sends queued rumors only; returns false when there was nothing to send. */
    boolean gossip(Address to, PacketSink out) {
        builder.start(header);
        if (rumors.fill(builder, transmitLimit(), receipts.attach(to, builder)) == 0 && builder.count() == 0) {
            return false;
        }
        emit(to, builder.build(), out);
        return true;
    }

    /** Sends the mail acknowledgements that waited long enough for a ride, with rumors piggy-backed. */
    public void flushReceipts(long nowNanos, PacketSink out) {
        for (MailReceipts.Due due : receipts.takeDue(nowNanos)) {
            send(due.to(), due.frames(), due.known(), out);
        }
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
