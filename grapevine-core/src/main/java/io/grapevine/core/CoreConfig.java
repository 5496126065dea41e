package io.grapevine.core;

import io.grapevine.core.state.DeltaPolicy;
import io.grapevine.core.state.StateConfig;
import io.grapevine.core.membership.TextLimits;

/**
 * Every knob of the protocol core, immutable and validated at construction: the canonical
 * constructor names the offending field and value. Durations are nanoseconds.
 * {@link #defaults()} is the LAN profile (memberlist's DefaultLANConfig); {@link #wan()} and
 * {@link #local()} are the other presets; {@code withX(..)} copiers change one field.
 *
 * @param clusterLabel Cluster label carried in every packet; packets with another label are dropped (WRONG_LABEL). At most 255 UTF-8 bytes. Default empty.
 * @param probeIntervalNanos Time between probes of one member each, in ns (SWIM protocol period). Default 1 s. Shorter detects failures sooner at the cost of more traffic.
 * @param probeTimeoutNanos How long to wait for a direct ack before asking others to probe, in ns. Must be below probeIntervalNanos. Default 500 ms: a few round trips of the slowest link.
 * @param indirectChecks Members asked to probe on our behalf (ping-req, SWIM's k) after a direct probe times out. 0..16. Default 3.
 * @param streamFallbackProbe Also probe over a stream (TCP) when the direct probe times out, so a member that only loses datagrams is not flapped. Default true.
 * @param suspicionMult Suspicion timeout multiplier: the minimum timeout is suspicionMult · max(1, log10 N) · probeInterval. 1..100. Default 4.
 * @param suspicionMaxTimeoutMult Lifeguard: the suspicion timeout starts at this multiple of the minimum and shrinks towards the minimum as independent confirmations arrive. 1..100. Default 6.
 * @param lifeguard Lifeguard on: local health scales our own probe interval and timeout, suspicion timeouts are dynamic, and ping-req relays send nacks. Default true; off gives plain SWIM with a fixed suspicion timeout.
 * @param awarenessMaxMultiplier Lifeguard: the largest factor by which local health may stretch our probe interval and timeout. 1..64. Default 8.
 * @param quorumFailureDetection Redis Cluster's PFAIL→FAIL: declare a member dead only when a majority of live members have reported it suspect. Fewer false deaths under asymmetric faults, but detection takes about N/2 probe periods, so it suits small clusters. Default false.
 * @param gossipIntervalNanos Time between gossip rounds, in ns. Default 200 ms.
 * @param gossipFanout Members each gossip round sends to. 1..64. Default 3.
 * @param gossipToTheDeadNanos How long dead members still receive gossip, so a falsely declared one learns of it and refutes, in ns. Default 30 s.
 * @param retransmitMult Each rumor is sent retransmitMult · ceil(log10(N+1)) times (memberlist's rule). 1..100. Default 4.
 * @param pushPullIntervalNanos Time between full state exchanges with a random member (anti-entropy), in ns; scaled up beyond 32 members as memberlist does. 0 disables. Default 30 s.
 * @param tombstoneTtlNanos How long dead and left members are kept as tombstones so stale gossip cannot resurrect them, in ns. Default 5 min.
 * @param maxTombstones Most tombstones kept; the oldest is reaped first when full. 1.. . Default 4,096.
 * @param maxMembers Most entries (live and tombstones) in the member table; new members beyond it are dropped and counted. Default 100,000.
 * @param maxRumors Most rumors queued for piggy-backing; overflow drops the lowest priority, most transmitted first, and counts it. Default 8,192.
 * @param historyPerMember Transitions kept per member for explanations. 0..1024. Default 16.
 * @param maxEventPayloadBytes Largest user-event payload in bytes. 0..(mtuBytes - 128). Default 512.
 * @param eventDedupWindow User events remembered for de-duplication; events older than the window are refused. 16.. . Default 4,096.
 * @param mtuBytes Largest datagram we send, in bytes; compound packets are cut to it. 512..65,000. Default 1,400.
 * @param maxStreamBytes Largest stream message accepted, in bytes. At least mtuBytes. Default 16 MiB.
 * @param maxPendingRelays Most ping-req probes relayed at once; more are dropped and counted. Default 1,024.
 * @param antiEntropyIntervalNanos Time between anti-entropy exchanges of replicated state with a random peer, in ns (chitchat's gossip interval). 0 disables. Default 1 s.
 * @param stateSyncMode Anti-entropy style: PUSH (one message), PULL (two) or PUSH_PULL (three: SYN digest, ACK delta + digest, ACK2 delta, as Cassandra). Default PUSH_PULL.
 * @param deltaPolicy Which streams a byte-limited delta serves first within a priority class: BREADTH_FIRST (fair round-robin) or DEPTH_FIRST (most out-of-date first). Default BREADTH_FIRST.
 * @param stateRumors Spread each replicated-state write as a rumor piggy-backed on protocol messages (counter variant, retransmitMult · ceil(log10(N+1)) sends). Default true.
 * @param directMailFanout Direct mail: send each local key write and user event, each join a seed answers and each death this node declares, at once to this many random live members (all of them when fewer), besides the rumor. 0 disables. Lost mail is left to rumors and anti-entropy. 0..100,000. Default 64: clusters up to 65 members learn of each in one network hop, at N-1 datagrams each; larger ones reach 64 members at once and the rest by rumor.
 * @param state Limits and tombstone grace period of the replicated key/value state. Default StateConfig.defaults().
 */
public record CoreConfig(
        String clusterLabel,
        long probeIntervalNanos,
        long probeTimeoutNanos,
        int indirectChecks,
        boolean streamFallbackProbe,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        boolean lifeguard,
        int awarenessMaxMultiplier,
        boolean quorumFailureDetection,
        long gossipIntervalNanos,
        int gossipFanout,
        long gossipToTheDeadNanos,
        int retransmitMult,
        long pushPullIntervalNanos,
        long tombstoneTtlNanos,
        int maxTombstones,
        int maxMembers,
        int maxRumors,
        int historyPerMember,
        int maxEventPayloadBytes,
        int eventDedupWindow,
        int mtuBytes,
        int maxStreamBytes,
        int maxPendingRelays,
        long antiEntropyIntervalNanos,
        SyncMode stateSyncMode,
        DeltaPolicy deltaPolicy,
        boolean stateRumors,
        int directMailFanout,
        StateConfig state) {

    /** Validates every field; the message names the field, its value and the rule. */
    public CoreConfig {
        if (clusterLabel == null) {
            throw new IllegalArgumentException("clusterLabel must not be null");
        }
        TextLimits.check("clusterLabel", clusterLabel, TextLimits.MAX_BYTES);
        positive("probeIntervalNanos", probeIntervalNanos);
        positive("probeTimeoutNanos", probeTimeoutNanos);
        if (probeTimeoutNanos >= probeIntervalNanos) {
            throw new IllegalArgumentException("probeTimeoutNanos (" + probeTimeoutNanos
                    + ") must be < probeIntervalNanos (" + probeIntervalNanos + ")");
        }
        range("indirectChecks", indirectChecks, 0, 16);
        range("suspicionMult", suspicionMult, 1, 100);
        range("suspicionMaxTimeoutMult", suspicionMaxTimeoutMult, 1, 100);
        range("awarenessMaxMultiplier", awarenessMaxMultiplier, 1, 64);
        positive("gossipIntervalNanos", gossipIntervalNanos);
        range("gossipFanout", gossipFanout, 1, 64);
        nonNegative("gossipToTheDeadNanos", gossipToTheDeadNanos);
        range("retransmitMult", retransmitMult, 1, 100);
        nonNegative("pushPullIntervalNanos", pushPullIntervalNanos);
        positive("tombstoneTtlNanos", tombstoneTtlNanos);
        range("maxTombstones", maxTombstones, 1, Integer.MAX_VALUE);
        range("maxMembers", maxMembers, 2, Integer.MAX_VALUE);
        range("maxRumors", maxRumors, 16, Integer.MAX_VALUE);
        range("historyPerMember", historyPerMember, 0, 1024);
        range("mtuBytes", mtuBytes, 512, 65_000);
        range("maxEventPayloadBytes", maxEventPayloadBytes, 0, mtuBytes - 128);
        range("eventDedupWindow", eventDedupWindow, 16, Integer.MAX_VALUE);
        range("maxStreamBytes", maxStreamBytes, mtuBytes, Integer.MAX_VALUE);
        range("maxPendingRelays", maxPendingRelays, 1, Integer.MAX_VALUE);
        nonNegative("antiEntropyIntervalNanos", antiEntropyIntervalNanos);
        if (stateSyncMode == null || deltaPolicy == null || state == null) {
            throw new IllegalArgumentException("stateSyncMode, deltaPolicy and state must not be null");
        }
        range("directMailFanout", directMailFanout, 0, 100_000);
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".."
                    + (max == Integer.MAX_VALUE ? "" : String.valueOf(max)) + ": " + value);
        }
    }


    /** The LAN profile: memberlist's DefaultLANConfig timings with Lifeguard on. */
    public static CoreConfig defaults() {
        return new CoreConfig("", 1_000_000_000L, 500_000_000L, 3, true, 4, 6, true, 8, false, 200_000_000L, 3, 30_000_000_000L, 4, 30_000_000_000L, 300_000_000_000L, 4096, 100_000, 8192, 16, 512, 4096, 1400, 16 * 1024 * 1024, 1024, 1_000_000_000L, SyncMode.PUSH_PULL, DeltaPolicy.BREADTH_FIRST, true, 64, StateConfig.defaults());
    }

    /** Same as {@link #defaults()}. */
    public static CoreConfig lan() {
        return defaults();
    }

    /** WAN profile: slower, more tolerant timings (memberlist's DefaultWANConfig). */
    public static CoreConfig wan() {
        return defaults().withProbeIntervalNanos(5_000_000_000L).withProbeTimeoutNanos(3_000_000_000L)
                .withSuspicionMult(6).withGossipIntervalNanos(500_000_000L).withGossipFanout(4)
                .withPushPullIntervalNanos(60_000_000_000L);
    }

    /** Local profile for one machine (memberlist's DefaultLocalConfig): fast timings. */
    public static CoreConfig local() {
        return defaults().withProbeTimeoutNanos(100_000_000L).withProbeIntervalNanos(200_000_000L)
                .withSuspicionMult(3).withGossipIntervalNanos(100_000_000L)
                .withPushPullIntervalNanos(15_000_000_000L).withGossipToTheDeadNanos(15_000_000_000L);
    }


    /** A copy with {@code clusterLabel} set to {@code value}. */
    public CoreConfig withClusterLabel(String value) {
        return new CoreConfig(value, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code probeIntervalNanos} set to {@code value}. */
    public CoreConfig withProbeIntervalNanos(long value) {
        return new CoreConfig(clusterLabel, value, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code probeTimeoutNanos} set to {@code value}. */
    public CoreConfig withProbeTimeoutNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, value, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code indirectChecks} set to {@code value}. */
    public CoreConfig withIndirectChecks(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, value, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code streamFallbackProbe} set to {@code value}. */
    public CoreConfig withStreamFallbackProbe(boolean value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, value, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code suspicionMult} set to {@code value}. */
    public CoreConfig withSuspicionMult(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, value, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code suspicionMaxTimeoutMult} set to {@code value}. */
    public CoreConfig withSuspicionMaxTimeoutMult(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, value, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code lifeguard} set to {@code value}. */
    public CoreConfig withLifeguard(boolean value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, value, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code awarenessMaxMultiplier} set to {@code value}. */
    public CoreConfig withAwarenessMaxMultiplier(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, value, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code quorumFailureDetection} set to {@code value}. */
    public CoreConfig withQuorumFailureDetection(boolean value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, value, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code gossipIntervalNanos} set to {@code value}. */
    public CoreConfig withGossipIntervalNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, value, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code gossipFanout} set to {@code value}. */
    public CoreConfig withGossipFanout(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, value, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code gossipToTheDeadNanos} set to {@code value}. */
    public CoreConfig withGossipToTheDeadNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, value, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code retransmitMult} set to {@code value}. */
    public CoreConfig withRetransmitMult(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, value, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code pushPullIntervalNanos} set to {@code value}. */
    public CoreConfig withPushPullIntervalNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, value, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code tombstoneTtlNanos} set to {@code value}. */
    public CoreConfig withTombstoneTtlNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, value, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxTombstones} set to {@code value}. */
    public CoreConfig withMaxTombstones(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, value, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxMembers} set to {@code value}. */
    public CoreConfig withMaxMembers(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, value, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxRumors} set to {@code value}. */
    public CoreConfig withMaxRumors(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, value, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code historyPerMember} set to {@code value}. */
    public CoreConfig withHistoryPerMember(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, value, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxEventPayloadBytes} set to {@code value}. */
    public CoreConfig withMaxEventPayloadBytes(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, value, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code eventDedupWindow} set to {@code value}. */
    public CoreConfig withEventDedupWindow(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, value, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code mtuBytes} set to {@code value}. */
    public CoreConfig withMtuBytes(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, value, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxStreamBytes} set to {@code value}. */
    public CoreConfig withMaxStreamBytes(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, value, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code maxPendingRelays} set to {@code value}. */
    public CoreConfig withMaxPendingRelays(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, value, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code antiEntropyIntervalNanos} set to {@code value}. */
    public CoreConfig withAntiEntropyIntervalNanos(long value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, value, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code stateSyncMode} set to {@code value}. */
    public CoreConfig withStateSyncMode(SyncMode value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, value, deltaPolicy, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code deltaPolicy} set to {@code value}. */
    public CoreConfig withDeltaPolicy(DeltaPolicy value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, value, stateRumors, directMailFanout, state);
    }

    /** A copy with {@code stateRumors} set to {@code value}. */
    public CoreConfig withStateRumors(boolean value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, value, directMailFanout, state);
    }

    /** A copy with {@code directMailFanout} set to {@code value}. */
    public CoreConfig withDirectMailFanout(int value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, value, state);
    }

    /** A copy with {@code state} set to {@code value}. */
    public CoreConfig withState(StateConfig value) {
        return new CoreConfig(clusterLabel, probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, gossipIntervalNanos, gossipFanout, gossipToTheDeadNanos, retransmitMult, pushPullIntervalNanos, tombstoneTtlNanos, maxTombstones, maxMembers, maxRumors, historyPerMember, maxEventPayloadBytes, eventDedupWindow, mtuBytes, maxStreamBytes, maxPendingRelays, antiEntropyIntervalNanos, stateSyncMode, deltaPolicy, stateRumors, directMailFanout, value);
    }

}
