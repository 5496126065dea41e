package io.grapevine.core.membership;

/**
 * The suspicions a node holds, as the membership rules need them: one per suspect member,
 * raised, confirmed and cleared as updates arrive. The failure detector implements it with
 * Lifeguard's timeouts and decides when a suspicion is ripe; membership only records. Confined
 * to the node's thread.
 */
public interface Suspicions {
    /** Starts (or restarts) the suspicion of {@code name}, raised by {@code origin}, with {@code liveCount} members live. */
    void start(String name, String origin, long nowNanos, int liveCount);

    /** Counts {@code from} as an independent confirmer of the suspicion of {@code name}; true if new. */
    boolean confirm(String name, String from);

    /** Whether the suspicion of {@code name} waited only for a quorum that it now has. */
    boolean quorumArrived(String name, int liveCount);

    /** Makes the suspicion of {@code name}, if held, expire at {@code deadlineNanos}, on hard {@code evidence}. */
    void expedite(String name, long deadlineNanos, String evidence);

    /**
     * Drops the suspicion of {@code name}; returns who raised and confirmed it, for the member's
     * history ("suspected by a, confirmed by [b, c]"), or "" when none was held.
     */
    String clear(String name);
}
