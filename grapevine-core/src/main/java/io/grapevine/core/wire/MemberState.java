package io.grapevine.core.wire;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;

/**
 * One row of a {@link MemberListSync}: what the sender believes about one member.
 *
 * @param member the member
 * @param incarnation non-negative incarnation the sender holds
 * @param status the status the sender holds
 */
public record MemberState(NodeId member, long incarnation, MemberStatus status) {
    /** Validates the fields. */
    public MemberState {
        if (member == null || status == null) {
            throw new IllegalArgumentException("member and status must not be null");
        }
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation must be >= 0: " + incarnation);
        }
    }
}
