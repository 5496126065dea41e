package io.grapevine.core.state;

/**
 * Which streams a byte-limited delta serves first, within each {@link io.grapevine.core.base.KeyPriority} class
 * (van Renesse et al., "Efficient Reconciliation and Flow Control for Anti-Entropy
 * Protocols", 2008, §3).
 */
public enum DeltaPolicy {
    /** Round-robin: one entry from each stale stream in turn, from a random start. Fair. */
    BREADTH_FIRST,
    /** The most out-of-date stream first (most entries missing), all of it, then the next. */
    DEPTH_FIRST
}
