package io.grapevine.core.membership;

import io.grapevine.core.base.ConfigCheck;

/**
 * The member table's limits and tombstones. Immutable and validated at construction;
 * durations are nanoseconds. Part of {@code CoreConfig}.
 *
 * @param tombstoneTtlNanos How long dead and left members are kept as tombstones so stale gossip cannot resurrect them, in ns. Default 5 min.
 * @param maxTombstones Most tombstones kept; the oldest is reaped first when full. 1.. . Default 4,096.
 * @param maxMembers Most entries (live and tombstones) in the member table; new members beyond it are dropped and counted. Default 100,000.
 * @param historyPerMember Transitions kept per member for explanations. 0..1024. Default 16.
 * @param conflictsRemembered Name conflicts remembered as already reported, so each is surfaced once; the oldest forgotten first. Default 256.
 * @param maxCandidates Admission by proof: a member first heard of by datagram from a packet this node cannot attribute (an unknown sender, or a sender whose datagram did not come from its own address) is a candidate, probed at the address it claims and admitted only when it answers from there. Most candidates at once; more are dropped and counted (CANDIDATES_FULL). 1..100,000. Default 256.
 * @param candidatesPerSecond Most new candidates taken per second (a token bucket holding one second's worth); more are dropped and counted (CANDIDATE_RATE). 1..1,000,000. Default 128.
 * @param candidateTimeoutNanos How long a candidate's probe may go unanswered before it is dropped and counted (CANDIDATE_EXPIRED), in ns. Default 2 s.
 * @param accuserProbationNanos Accusations need a credible accuser: a suspicion raised by a member that is not ALIVE here, unknown here, or that refuted a suspicion or death of itself within this long, is not shown or spread (it is counted); the accused turns suspect only on this node's own failed probe or a credible member's accusation. In ns; 0 turns the rule off (every accusation counts, as in SWIM). Default 60 s.
 * @param sendersAuthenticated Every datagram this node is given was authenticated before it (opened under the cluster's key: an encrypted cluster), so its sender holds the key. An unknown sender whose datagram came from the address it claims is then admitted alive on that datagram, and its word is attributed, without the admission probe: only a key holder could have sealed it. Plaintext datagrams can be forged by anyone who can send UDP, so without it every unknown sender is a candidate first. Set by the runtime when the cluster is encrypted, never by default. Default false.
 */
public record MembershipConfig(
        long tombstoneTtlNanos,
        int maxTombstones,
        int maxMembers,
        int historyPerMember,
        int conflictsRemembered,
        int maxCandidates,
        int candidatesPerSecond,
        long candidateTimeoutNanos,
        long accuserProbationNanos,
        boolean sendersAuthenticated) {

    /** Validates every field; a refusal names the field, its value and the rule. */
    public MembershipConfig {
        ConfigCheck.positive("tombstoneTtlNanos", tombstoneTtlNanos);
        ConfigCheck.range("maxTombstones", maxTombstones, 1, Integer.MAX_VALUE);
        ConfigCheck.range("maxMembers", maxMembers, 2, Integer.MAX_VALUE);
        ConfigCheck.range("historyPerMember", historyPerMember, 0, 1024);
        ConfigCheck.range("conflictsRemembered", conflictsRemembered, 1, Integer.MAX_VALUE);
        ConfigCheck.range("maxCandidates", maxCandidates, 1, 100_000);
        ConfigCheck.range("candidatesPerSecond", candidatesPerSecond, 1, 1_000_000);
        ConfigCheck.positive("candidateTimeoutNanos", candidateTimeoutNanos);
        ConfigCheck.nonNegative("accuserProbationNanos", accuserProbationNanos);
    }

    /** The defaults listed above. */
    public static MembershipConfig defaults() {
        return new MembershipConfig(
                300_000_000_000L,
                4096,
                100_000,
                16,
                256,
                256,
                128,
                2_000_000_000L,
                60_000_000_000L,
                false);
    }

    /** A copy with {@code tombstoneTtlNanos} set to {@code value}. */
    public MembershipConfig withTombstoneTtlNanos(long value) {
        return new MembershipConfig(value, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code maxTombstones} set to {@code value}. */
    public MembershipConfig withMaxTombstones(int value) {
        return new MembershipConfig(tombstoneTtlNanos, value, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code maxMembers} set to {@code value}. */
    public MembershipConfig withMaxMembers(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, value, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code historyPerMember} set to {@code value}. */
    public MembershipConfig withHistoryPerMember(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, value, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code conflictsRemembered} set to {@code value}. */
    public MembershipConfig withConflictsRemembered(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, value, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code maxCandidates} set to {@code value}. */
    public MembershipConfig withMaxCandidates(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, value, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code candidatesPerSecond} set to {@code value}. */
    public MembershipConfig withCandidatesPerSecond(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, value, candidateTimeoutNanos, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code candidateTimeoutNanos} set to {@code value}. */
    public MembershipConfig withCandidateTimeoutNanos(long value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, value, accuserProbationNanos, sendersAuthenticated);
    }

    /** A copy with {@code accuserProbationNanos} set to {@code value}. */
    public MembershipConfig withAccuserProbationNanos(long value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, value, sendersAuthenticated);
    }

    /** A copy with {@code sendersAuthenticated} set to {@code value}. */
    public MembershipConfig withSendersAuthenticated(boolean value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, conflictsRemembered, maxCandidates, candidatesPerSecond, candidateTimeoutNanos, accuserProbationNanos, value);
    }
}
