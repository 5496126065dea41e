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
 */
public record MembershipConfig(
        long tombstoneTtlNanos,
        int maxTombstones,
        int maxMembers,
        int historyPerMember,
        int conflictsRemembered) {

    /** Validates every field; a refusal names the field, its value and the rule. */
    public MembershipConfig {
        ConfigCheck.positive("tombstoneTtlNanos", tombstoneTtlNanos);
        ConfigCheck.range("maxTombstones", maxTombstones, 1, Integer.MAX_VALUE);
        ConfigCheck.range("maxMembers", maxMembers, 2, Integer.MAX_VALUE);
        ConfigCheck.range("historyPerMember", historyPerMember, 0, 1024);
        ConfigCheck.range("conflictsRemembered", conflictsRemembered, 1, Integer.MAX_VALUE);
    }

    /** The defaults listed above. */
    public static MembershipConfig defaults() {
        return new MembershipConfig(
                300_000_000_000L,
                4096,
                100_000,
                16,
                256);
    }

    /** A copy with {@code tombstoneTtlNanos} set to {@code value}. */
    public MembershipConfig withTombstoneTtlNanos(long value) {
        return new MembershipConfig(value, maxTombstones, maxMembers, historyPerMember, conflictsRemembered);
    }

    /** A copy with {@code maxTombstones} set to {@code value}. */
    public MembershipConfig withMaxTombstones(int value) {
        return new MembershipConfig(tombstoneTtlNanos, value, maxMembers, historyPerMember, conflictsRemembered);
    }

    /** A copy with {@code maxMembers} set to {@code value}. */
    public MembershipConfig withMaxMembers(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, value, historyPerMember, conflictsRemembered);
    }

    /** A copy with {@code historyPerMember} set to {@code value}. */
    public MembershipConfig withHistoryPerMember(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, value, conflictsRemembered);
    }

    /** A copy with {@code conflictsRemembered} set to {@code value}. */
    public MembershipConfig withConflictsRemembered(int value) {
        return new MembershipConfig(tombstoneTtlNanos, maxTombstones, maxMembers, historyPerMember, value);
    }
}
