package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
/**
 * An immutable snapshot of what one node believes about one member.
 *
 * @param id the member's identity (name, address, generation)
 * @param incarnation the member's incarnation as known here
 * @param status the member's status as known here
 * @param sinceNanos when (node time) the member entered {@code status}
 */
public record Member(NodeId id, long incarnation, MemberStatus status, long sinceNanos) {
    /** The member's name. */
    public String name() {
        return id.name();
    }
}
