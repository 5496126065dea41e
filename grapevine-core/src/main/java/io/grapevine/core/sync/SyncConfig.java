package io.grapevine.core.sync;

import io.grapevine.core.base.ConfigCheck;
import io.grapevine.core.state.DeltaPolicy;

/**
 * How members reconcile: the join and push-pull membership exchange, and anti-entropy of the
 * replicated state. Immutable and validated at construction; durations are nanoseconds. Part of
 * {@code CoreConfig}.
 *
 * @param pushPullIntervalNanos Time between full membership exchanges with a random member (anti-entropy), in ns; scaled up beyond 32 members as memberlist does. 0 disables. Default 30 s.
 * @param joinFollowUps Extra full membership exchanges with random members right after a join, to catch members that joined at the same time. 0..100. Default 2.
 * @param joinFollowUpDelayNanos Delay of the first join follow-up after the seed answers, in ns; later ones come twice as far apart. Default 1 s.
 * @param antiEntropyIntervalNanos Time between anti-entropy exchanges of replicated state with a random peer, in ns (chitchat's gossip interval). 0 disables. Default 1 s.
 * @param stateSyncMode Anti-entropy style: PUSH (one message), PULL (two) or PUSH_PULL (three: digest, delta + digest, delta, as Cassandra). Default PUSH_PULL.
 * @param deltaPolicy Which streams a byte-limited delta serves first within a priority class: BREADTH_FIRST (fair round-robin) or DEPTH_FIRST (most out-of-date first). Default BREADTH_FIRST.
 * @param stateRumors Spread each replicated-state write as a rumor piggy-backed on protocol messages (counter variant, retransmitMult · ceil(log10(N+1)) sends). Default true.
 * @param peerRecencyCapacity Peers whose last anti-entropy exchange time is remembered, to prefer peers not reconciled recently; least recently used forgotten first. Default 1,024.
 * @param joinFollowUpsWhileLearning More join follow-ups, each joinFollowUpDelayNanos after the answer to the last, for as long as the answers still teach this node new members (a bootstrap of many nodes at once), at most this many beyond joinFollowUps. 0..100. Default 8.
 * @param pushPullDigest Open each periodic push-pull with the 64-bit hash of the member view (MEMBER_LIST_DIGEST) and exchange the full member lists only when the peer's view differs; joins and their follow-ups always exchange full lists. Default true.
 */
public record SyncConfig(
        long pushPullIntervalNanos,
        int joinFollowUps,
        long joinFollowUpDelayNanos,
        long antiEntropyIntervalNanos,
        SyncMode stateSyncMode,
        DeltaPolicy deltaPolicy,
        boolean stateRumors,
        int peerRecencyCapacity,
        boolean pushPullDigest,
        int joinFollowUpsWhileLearning) {

    /** Validates every field; a refusal names the field, its value and the rule. */
    public SyncConfig {
        ConfigCheck.nonNegative("pushPullIntervalNanos", pushPullIntervalNanos);
        ConfigCheck.range("joinFollowUps", joinFollowUps, 0, 100);
        ConfigCheck.positive("joinFollowUpDelayNanos", joinFollowUpDelayNanos);
        ConfigCheck.nonNegative("antiEntropyIntervalNanos", antiEntropyIntervalNanos);
        ConfigCheck.notNull("stateSyncMode", stateSyncMode);
        ConfigCheck.notNull("deltaPolicy", deltaPolicy);
        ConfigCheck.range("peerRecencyCapacity", peerRecencyCapacity, 1, Integer.MAX_VALUE);
        ConfigCheck.range("joinFollowUpsWhileLearning", joinFollowUpsWhileLearning, 0, 100);
    }

    /** The defaults listed above. */
    public static SyncConfig defaults() {
        return new SyncConfig(
                30_000_000_000L,
                2,
                1_000_000_000L,
                1_000_000_000L,
                SyncMode.PUSH_PULL,
                DeltaPolicy.BREADTH_FIRST,
                true,
                1024,
                true,
                8);
    }

    /** A copy with {@code pushPullIntervalNanos} set to {@code value}. */
    public SyncConfig withPushPullIntervalNanos(long value) {
        return new SyncConfig(value, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code joinFollowUps} set to {@code value}. */
    public SyncConfig withJoinFollowUps(int value) {
        return new SyncConfig(pushPullIntervalNanos, value, joinFollowUpDelayNanos, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code joinFollowUpDelayNanos} set to {@code value}. */
    public SyncConfig withJoinFollowUpDelayNanos(long value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, value, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code antiEntropyIntervalNanos} set to {@code value}. */
    public SyncConfig withAntiEntropyIntervalNanos(long value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, value, stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code stateSyncMode} set to {@code value}. */
    public SyncConfig withStateSyncMode(SyncMode value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos, value, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code deltaPolicy} set to {@code value}. */
    public SyncConfig withDeltaPolicy(DeltaPolicy value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos, stateSyncMode, value, stateRumors, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code stateRumors} set to {@code value}. */
    public SyncConfig withStateRumors(boolean value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, value, peerRecencyCapacity, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code peerRecencyCapacity} set to {@code value}. */
    public SyncConfig withPeerRecencyCapacity(int value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, value, pushPullDigest, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code pushPullDigest} set to {@code value}. */
    public SyncConfig withPushPullDigest(boolean value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos,
                stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, value, joinFollowUpsWhileLearning);
    }

    /** A copy with {@code joinFollowUpsWhileLearning} set to {@code value}. */
    public SyncConfig withJoinFollowUpsWhileLearning(int value) {
        return new SyncConfig(pushPullIntervalNanos, joinFollowUps, joinFollowUpDelayNanos, antiEntropyIntervalNanos,
                stateSyncMode, deltaPolicy, stateRumors, peerRecencyCapacity, pushPullDigest, value);
    }
}
