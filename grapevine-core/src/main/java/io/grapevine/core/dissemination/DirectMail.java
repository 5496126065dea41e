package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;

/**
 * Direct mail (Demers et al.): an update sent at once to up to {@code directMailFanout} live
 * members (all of them when fewer), besides its rumor, so that it travels one network hop
 * instead of a few gossip rounds. Lost mail is left to the rumor and anti-entropy. The
 * message is encoded once and the same frame goes into every recipient's packet (each packet
 * still carries its own piggy-backed rumors). Confined to the node's thread.
 */
public final class DirectMail {
    private final int fanout;
    private final PeerSampler peers;
    private final Transmitter transmitter;

    /** Mail to up to {@code fanout} members picked by {@code peers}; 0 turns direct mail off. */
    public DirectMail(int fanout, PeerSampler peers, Transmitter transmitter) {
        this.fanout = fanout;
        this.peers = peers;
        this.transmitter = transmitter;
    }

    /** Sends {@code message} to the one address {@code to} at once (whatever the fanout). */
    public void send(WireMessage message, Address to, PacketSink out) {
        transmitter.send(to, List.of(WireCodec.encodeFrame(message)), out);
    }

    /** Mails {@code message} to the recipients other than the member named {@code exclude} ("" for none). */
    public void mail(WireMessage message, String exclude, PacketSink out) {
        if (fanout == 0) {
            return;
        }
        List<MemberEntry> recipients = peers.live(fanout, exclude);
        if (recipients.isEmpty()) {
            return;
        }
        List<byte[]> frame = List.of(WireCodec.encodeFrame(message));
        for (MemberEntry recipient : recipients) {
            transmitter.send(recipient.id().address(), frame, out);
        }
    }
}
