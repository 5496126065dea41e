package io.grapevine.core.base;

/**
 * What one node believes about a member.
 *
 * <p>Legal transitions for one generation of a member, with the incarnation {@code i} the
 * update carries compared to the one held {@code h}:
 * <ul>
 *   <li>{@code ALIVE → SUSPECT} when {@code i ≥ h}; {@code SUSPECT → ALIVE} and
 *       {@code DEAD → ALIVE} only when {@code i > h} (a refutation);</li>
 *   <li>{@code ALIVE|SUSPECT → DEAD} when {@code i ≥ h};</li>
 *   <li>{@code ALIVE|SUSPECT|DEAD → LEFT} when {@code i ≥ h}: a leave beats a failure verdict
 *       for the same incarnation;</li>
 *   <li>{@code LEFT} is final for the generation; only a higher generation replaces it.</li>
 * </ul>
 */
public enum MemberStatus {
    /** Answering probes, or not yet shown otherwise. */
    ALIVE,
    /** Missed a probe; will be declared dead unless it refutes before the suspicion timeout. */
    SUSPECT,
    /** Declared failed; kept as a tombstone so stale gossip cannot resurrect it. */
    DEAD,
    /** Left gracefully; kept as a tombstone. */
    LEFT;

    /** True for members that count as part of the cluster (alive or suspect). */
    public boolean isLive() {
        return this == ALIVE || this == SUSPECT;
    }

    /** True for tombstone states. */
    public boolean isGone() {
        return this == DEAD || this == LEFT;
    }
}
