package io.grapevine.core.dissemination;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.membership.ZoneView;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.WireMessage;

/**
 * Zone-aware direct mail's second hop: a member that learns an update (a write, a user
 * event) straight from a member of another zone mails it into its own zone at once, so a
 * write crosses zones in one wide-area hop and then spreads as it would have in the writer's
 * zone. Only links talk across zones, so an update enters each zone at a handful of members.
 * Does nothing when the node has no zone. Confined to the node's thread.
 */
public final class ZoneRelay {
    private final ZoneView zones;
    private final DirectMail intoZone;

    /** Relays through {@code intoZone}, a direct mail that picks only members of this node's zone. */
    public ZoneRelay(ZoneView zones, DirectMail intoZone) {
        this.zones = zones;
        this.intoZone = intoZone;
    }

    /**
     * {@code message} came from {@code sender}; {@code learned} says whether it taught this node
     * anything. If so and the sender is in another zone, it is mailed into this zone
     * (acknowledged and retried like any mail, in the user class, never superseded).
     */
    public void relay(WireMessage message, NodeId sender, boolean learned, long nowNanos, PacketSink out) {
        if (!learned || zones.flat() || zones.localName(sender.name())) {
            return;
        }
        intoZone.mail(message, RumorPriority.USER, null, sender.name(), nowNanos, out);
    }

    /** Resends relayed mail whose acknowledgement is overdue. */
    public void onTick(long nowNanos, PacketSink out) {
        intoZone.onTick(nowNanos, out);
    }

    /** When a relayed mail's resend is due next, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        return intoZone.nextDeadlineNanos();
    }

    /** {@code from} acknowledged relayed mail (ids of other mailers are ignored). */
    public void onAck(String from, io.grapevine.core.wire.MailAck ack) {
        intoZone.onAck(from, ack);
    }
}
