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
     * anything. If so and the sender is in another zone, it is mailed into this zone.
     */
    public void relay(WireMessage message, NodeId sender, boolean learned, PacketSink out) {
        if (!learned || zones.flat() || zones.localName(sender.name())) {
            return;
        }
        intoZone.mail(message, sender.name(), out);
    }
}
