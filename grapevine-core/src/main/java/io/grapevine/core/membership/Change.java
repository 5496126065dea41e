package io.grapevine.core.membership;

/** Why a member's entry changed: the reason recorded in its history and carried by events. */
public enum Change {
    /** A member not known before (or known only as a tombstone of an older life) appeared. */
    JOINED,
    /** A probe failed, here or at {@code onWordOf}. */
    SUSPECTED,
    /** A suspected member refuted by raising its incarnation. */
    REFUTED,
    /** A member declared dead refuted by raising its incarnation. */
    RECOVERED,
    /** The suspicion timed out (or a peer's verdict arrived). */
    FAILED,
    /** The member left gracefully. */
    LEFT,
    /** A higher generation replaced an older life at once. */
    RESTARTED,
    /** Same life, new incarnation or address, no status change. */
    UPDATED,
    /** Two live nodes claimed one name; the deterministic winner is kept. */
    CONFLICT,
    /** The tombstone was removed after its time to live, or to make room. */
    REAPED
}
