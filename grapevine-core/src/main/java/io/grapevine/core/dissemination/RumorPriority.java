package io.grapevine.core.dissemination;

/**
 * Priority classes of rumors, highest first. Rumors of a higher class are sent first and
 * evicted last when the queue is full.
 */
public enum RumorPriority {
    /** Alive (including refutations), leave and dead verdicts: they settle membership. */
    MEMBERSHIP,
    /** Suspicions and their confirmations. */
    SUSPICION,
    /** Application events and data. */
    USER
}
