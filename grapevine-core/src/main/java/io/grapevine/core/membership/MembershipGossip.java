package io.grapevine.core.membership;

import io.grapevine.core.base.Address;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.PacketSink;

/**
 * How the membership rules spread a change, implemented by the dissemination room: as a
 * rumor piggy-backed on later packets, and for the few updates every member must hear at
 * once (this node's leave), by direct mail as well. Confined to the node's thread.
 */
public interface MembershipGossip {
    /** Queues {@code update} as the rumor about its member, superseding any earlier one. */
    void spread(MemberUpdate update);

    /** Whether the rumor about {@code member} still waits to be sent its full number of times. */
    boolean pending(String member);

    /** Sends {@code update} at once to the one member at {@code to}. */
    void tell(MemberUpdate update, Address to, PacketSink out);

    /**
     * Mails {@code update} at once to the direct-mail recipients other than {@code exclude},
     * acknowledged and retried (a newer mail about the same member supersedes it).
     */
    void mail(MemberUpdate update, String exclude, long nowNanos, PacketSink out);
}
