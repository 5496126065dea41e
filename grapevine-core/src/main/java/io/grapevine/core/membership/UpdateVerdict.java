package io.grapevine.core.membership;

/**
 * What applying one membership update did. Only {@link #APPLIED}, {@link #CONFIRMED} and
 * {@link #REFUTED} change state; every other verdict leaves the member table as it was.
 */
public enum UpdateVerdict {
    /** The update changed the member's entry (or added it) and will be rebroadcast. */
    APPLIED,
    /** A new, independent confirmation of a suspicion already held. */
    CONFIRMED,
    /** The update was about this node; it raised its incarnation to refute it. */
    REFUTED,
    /** Older than what is held, or a confirmation already counted. No change. */
    STALE,
    /** About an older generation than the one known. No change. */
    STALE_GENERATION,
    /** About a member this node does not know, in a status that cannot introduce it. No change. */
    UNKNOWN_MEMBER,
    /** Legal but meaningless here (e.g. alive for a member that left). No change. */
    IGNORED,
    /** Another live node claims the name and lost the deterministic tie-break. No change. */
    CONFLICT_REJECTED,
    /** A new member, but the member table is full. No change. */
    TABLE_FULL
}
