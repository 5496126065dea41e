package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.wire.MailAck;
import io.grapevine.core.wire.MailTag;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;

/**
 * Direct mail (Demers et al.): an update sent at once to up to {@code directMailFanout} live
 * members (all of them when fewer), besides its rumor, so that it travels one network hop
 * instead of a few gossip rounds. The message is encoded once and the same frame goes into
 * every recipient's packet (each packet still carries its own piggy-backed rumors).
 *
 * <p>Acknowledged and retried, as the paper's mail is buffered and resent: a mail that fits a
 * datagram goes behind a {@link MailTag}, each recipient acknowledges it ({@link MailAck},
 * piggy-backed where it can, see {@link MailReceipts}), and the recipients that did not are
 * sent it again from a bounded {@link MailBuffer} ({@code directMailRetries} times at most,
 * with back-off); what overflows the buffer is dropped by class and counted, and left to
 * rumors and anti-entropy, like mail lost for good. With {@code directMailRetries} 0 mail is
 * sent once, untagged. Confined to the node's thread.
 */
public final class DirectMail {
    private final int fanout;
    private final PeerSampler peers;
    private final Transmitter transmitter;
    private final MailBuffer buffer;
    private final boolean acknowledged;
    private final MemberTable table;
    private final long idStep;
    private long nextId;
    private long tagged;

    /**
     * Mail to up to {@code config.directMailFanout()} members picked by {@code peers} (0 turns
     * direct mail off), acknowledged and retried as {@code config} says, with mail ids
     * {@code firstId, firstId + idStep, ...}: two mailers of one node take disjoint ranges, so an
     * acknowledgement names one mail of one of them. The first resend waits what
     * {@code retryWait} says at the time of sending, in ns.
     */
    public DirectMail(GossipConfig config, PeerSampler peers, Transmitter transmitter, MemberTable table, long firstId,
                      long idStep, java.util.function.LongSupplier retryWait) {
        this.nextId = firstId;
        this.idStep = idStep;
        this.fanout = config.directMailFanout();
        this.peers = peers;
        this.transmitter = transmitter;
        this.acknowledged = config.directMailRetries() > 0;
        this.table = table;
        this.buffer = new MailBuffer(config.directMailRetries(), retryWait, config.directMailBuffer(), table);
    }

    /** How many members a mail goes to now: the fanout or every other live member, whichever is fewer. */
    public int expectedRecipients() {
        return Math.min(fanout, Math.max(0, table.liveCount() - 1));
    }

    /** Sends {@code message} to the one address {@code to} at once (whatever the fanout), unacknowledged. */
    public void send(WireMessage message, Address to, PacketSink out) {
        transmitter.send(to, List.of(WireCodec.encodeFrame(message)), out);
    }

    /**
     * Mails {@code message} once, unacknowledged, to the recipients other than the member named
     * {@code exclude} ("" for none): for mail that other means already back (a joiner's
     * announcement of itself).
     */
    public void announce(WireMessage message, String exclude, PacketSink out) {
        List<MemberEntry> recipients = fanout == 0 ? List.of() : peers.live(fanout, exclude);
        if (recipients.isEmpty()) {
            return;
        }
        List<byte[]> frame = List.of(WireCodec.encodeFrame(message));
        for (MemberEntry recipient : recipients) {
            transmitter.send(recipient.id().address(), frame, out);
        }
    }

    /**
     * Mails {@code message} to the recipients other than the member named {@code exclude} ("" for
     * none), acknowledged and retried when it fits a datagram.
     *
     * @param priority the class that decides what the retry buffer drops first when full
     * @param supersedeKey mail with the same key replaces this one in the retry buffer
     *                     ({@code null}: never superseded)
     */
    public void mail(WireMessage message, RumorPriority priority, String supersedeKey, String exclude, long nowNanos,
                     PacketSink out) {
        mailFrame(WireCodec.encodeFrame(message), priority, supersedeKey, exclude, nowNanos, out);
    }

    /**
     * As {@link #mail}, for a message already encoded as {@code frame} (a caller that rumors the
     * same frame encodes it once).
     */
    public void mailFrame(byte[] frame, RumorPriority priority, String supersedeKey, String exclude, long nowNanos,
                          PacketSink out) {
        List<MemberEntry> recipients = fanout == 0 ? List.of() : peers.live(fanout, exclude);
        if (recipients.isEmpty()) {
            return;
        }
        List<byte[]> frames = List.of(frame);
        if (acknowledged) {
            List<byte[]> taggedFrames = List.of(WireCodec.encodeFrame(new MailTag(nextId)), frame);
            if (transmitter.fitsOneDatagram(taggedFrames)
                    && buffer.hold(new MailBuffer.Mail(nextId, supersedeKey, priority, taggedFrames, recipients),
                            nowNanos)) {
                nextId += idStep;
                tagged++;
                frames = taggedFrames;
            }
        }
        for (MemberEntry recipient : recipients) {
            transmitter.send(recipient.id().address(), frames, out);
        }
    }

    /** The member named {@code from} acknowledged {@code ack}'s mails. */
    public void onAck(String from, MailAck ack) {
        buffer.acknowledged(from, ack.ids());
    }

    /** Resends the mails whose acknowledgement is overdue. */
    public void onTick(long nowNanos, PacketSink out) {
        buffer.resendDue(nowNanos, (recipient, frames) -> transmitter.send(recipient.id().address(), frames, out));
    }

    /** When a resend is due next, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        return buffer.nextDeadlineNanos();
    }

    /** What direct mail has done so far. */
    public DirectMailStats stats() {
        long[] drops = new long[RumorPriority.values().length];
        for (RumorPriority priority : RumorPriority.values()) {
            drops[priority.ordinal()] = buffer.drops(priority);
        }
        return new DirectMailStats(tagged, buffer.acknowledgedCount(), buffer.resentCount(), buffer.pairs(),
                drops[RumorPriority.MEMBERSHIP.ordinal()] + drops[RumorPriority.SUSPICION.ordinal()],
                drops[RumorPriority.USER.ordinal()]);
    }
}
