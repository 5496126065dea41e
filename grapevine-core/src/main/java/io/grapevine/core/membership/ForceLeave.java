package io.grapevine.core.membership;

/** What a force-leave did (see {@link MembershipRules#forceLeave}). Only {@link #LEFT} changes state. */
public enum ForceLeave {
    /** The failed member is now LEFT here, and that is spreading. */
    LEFT,
    /** No such member (or this node itself). No change. */
    UNKNOWN_MEMBER,
    /** The member is alive or suspect: only a failed member may be forced out. No change. */
    NOT_FAILED,
    /** The member already left. No change. */
    ALREADY_LEFT
}
