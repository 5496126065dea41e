package io.grapevine.core.wire;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;

/**
 * One piece of membership gossip: "{@code member} is {@code status} at {@code incarnation},
 * on the word of {@code origin}". For a suspicion the origin is the accuser (or a confirmer);
 * for alive and leave it is the member itself.
 *
 * @param member the member the update is about
 * @param incarnation non-negative; raised only by the member itself to refute suspicion
 * @param status the claimed status
 * @param origin name of the node that raised this update
 */
public record MemberUpdate(NodeId member, long incarnation, MemberStatus status, String origin)
        implements WireMessage {
    /** Validates the fields. */
    public MemberUpdate {
        if (member == null || status == null) {
            throw new IllegalArgumentException("member and status must not be null");
        }
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation must be >= 0: " + incarnation);
        }
        WireLimits.checkName("origin", origin);
    }

    @Override
    public MessageType kind() {
        return MessageType.MEMBER_UPDATE;
    }
}
