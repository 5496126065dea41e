package io.grapevine.core.detector;

import io.grapevine.core.base.ConfigCheck;

/**
 * The failure detector's knobs: SWIM probing, Lifeguard and the quorum rule. Immutable and
 * validated at construction; durations are nanoseconds. Part of {@code CoreConfig}.
 *
 * @param probeIntervalNanos Time between probes of one member each, in ns (SWIM protocol period), and the length of a clock-aligned probe slot: probes start at multiples of it on the wall clock, so that every member is probed once per period (see {@code ProbeSlots}). Default 1 s. Shorter detects failures sooner at the cost of more traffic.
 * @param probeTimeoutNanos How long to wait for a direct ack before asking others to probe, in ns. Must be below probeIntervalNanos. Default 500 ms: a few round trips of the slowest link.
 * @param indirectChecks Members asked to probe on our behalf (ping-req, SWIM's k) after a direct probe times out. 0..16. Default 3.
 * @param streamFallbackProbe Also probe over a stream (TCP) when the direct probe times out, so a member that only loses datagrams is not flapped. Default true.
 * @param suspicionMult Suspicion timeout multiplier: the minimum timeout is suspicionMult · max(1, log10 N) · probeInterval. 1..100. Default 4.
 * @param suspicionMaxTimeoutMult Lifeguard: the suspicion timeout starts at this multiple of the minimum and shrinks towards the minimum as independent confirmations arrive. 1..100. Default 6.
 * @param lifeguard Lifeguard on: local health scales our own probe interval and timeout, suspicion timeouts are dynamic, and ping-req relays send nacks. Default true; off gives plain SWIM with a fixed suspicion timeout.
 * @param awarenessMaxMultiplier Lifeguard: the largest factor by which local health may stretch our probe interval and timeout. 1..64. Default 8.
 * @param quorumFailureDetection Redis Cluster's PFAIL→FAIL: declare a member dead only when a majority of live members have reported it suspect. Fewer false deaths under asymmetric faults, but detection takes about N/2 probe periods, so it suits small clusters. Default false.
 * @param maxPendingRelays Most ping-req probes relayed at once; more are dropped and counted (RELAYS_FULL). Default 1,024.
 * @param confirmersRemembered Distinct confirmers remembered per suspicion (at least the live count in quorum mode). Bounds memory under a flood of confirmations. 1..100,000. Default 64.
 * @param roundTripSamples Direct-probe round trips kept for the median and p99 in NodeMetrics. 1..100,000. Default 128.
 * @param accusationNoticesRemembered Members whose last accusation notice time is remembered (at most one notice per member per probe interval); least recently used forgotten first. Default 1,024.
 * @param streamOnlyMembersRemembered Most members reported as reachable only by stream (TCP but not UDP). Default 1,024.
 * @param pauseToleranceNanos How long a member may be silent (a paused process, a long GC, a
 *        stalled host) and still be taken back when it speaks again, in ns; 0 turns the rule
 *        off. A node that probed the member itself and saw no answer, with Lifeguard's k
 *        independent confirmations from others, declares it dead {@code pauseTolerance +
 *        probeTimeout / 5} after its own first unanswered probe (the fifth of a probe
 *        timeout is the refutation's trip: a refutation is mailed to every member), whatever
 *        the cluster's size; and no node declares a member dead sooner than that, since the
 *        Lifeguard minimum timeout is raised to {@code pauseTolerance + probeTimeout / 5 -
 *        probeInterval} where it is shorter (a suspicion starts a probe period after the
 *        probe that raised it). Silent failures are then detected in about the tolerance plus
 *        the wait for the member's next probe, at any N, instead of Lifeguard's {@code
 *        suspicionMult · log10 N} probe periods. At least 0; below a probe interval, a member
 *        whose suspicion is confirmed k times is declared dead at once.
 *        Default 5 s: a 5 s pause survives (as with memberlist's LAN timings at N = 8).
 * @param degradedWithholdsSuspicions Lifeguard's intent, enforced: while this node's local health score is above 0 (it missed acks or nacks it should have had, or had to refute a suspicion of itself), a probe of its that goes unanswered raises no suspicion; the healthy members probing the same target raise it if it is real. Only with {@code lifeguard}. Default true.
 * @param proofOfLifeAcks A refutation needs proof of life: a member held SUSPECT or DEAD that refutes is taken back only after answering this many consecutive direct pings, a fifth of a probe interval apart, each answered within a probe interval (see {@code ProofOfLife}); a persistently lossy member, whose answers are mostly lost, stays out instead of flapping, while a starved one, whose answers come late, can still prove itself. 0 takes every refutation at once (SWIM). 0..16. Default 5.
 * @param proofOfLifeFirstAcks The answers a member's first refutation in {@code proofOfLifeMemoryNanos} needs, when it refutes a suspicion (a member held DEAD that refutes for the first time, after a partition or a long pause, is taken back at once); 0 takes a first refutation at once, as SWIM does. With 4, a persistently lossy member goes out once and stays out (two status changes per observer in {@code sim gray}, against four with 0), but a healed partition converges later, since the members refuting across it must each prove themselves ({@code sim partition-heal --nodes 256}: docs/PROTOCOL.md). Only with {@code proofOfLifeAcks} above 0. 0..16. Default 0.
 * @param proofOfLifeAttempts Broken streaks after which a refutation is dropped (the suspicion runs on; a later refutation starts a new proof). 1..100. Default 5.
 * @param proofOfLifeMemoryNanos Only a member that already refuted within this long must prove its next refutation; a first refutation (a falsely suspected member, a pause, a partition's heal) is taken at once, as in SWIM. In ns, positive. Default 10 min.
 */
public record DetectorConfig(
        long probeIntervalNanos,
        long probeTimeoutNanos,
        int indirectChecks,
        boolean streamFallbackProbe,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        boolean lifeguard,
        int awarenessMaxMultiplier,
        boolean quorumFailureDetection,
        int maxPendingRelays,
        int confirmersRemembered,
        int roundTripSamples,
        int accusationNoticesRemembered,
        int streamOnlyMembersRemembered,
        long pauseToleranceNanos,
        boolean degradedWithholdsSuspicions,
        int proofOfLifeAcks,
        int proofOfLifeFirstAcks,
        int proofOfLifeAttempts,
        long proofOfLifeMemoryNanos) {
    /** The most answers {@code proofOfLifeAcks} and {@code proofOfLifeFirstAcks} may ask for. */
    public static final int MAX_PROOF_OF_LIFE_ACKS = 16;

    /** Validates every field; a refusal names the field, its value and the rule. */
    public DetectorConfig {
        ConfigCheck.positive("probeIntervalNanos", probeIntervalNanos);
        ConfigCheck.positive("probeTimeoutNanos", probeTimeoutNanos);
        ConfigCheck.range("indirectChecks", indirectChecks, 0, 16);
        ConfigCheck.range("suspicionMult", suspicionMult, 1, 100);
        ConfigCheck.range("suspicionMaxTimeoutMult", suspicionMaxTimeoutMult, 1, 100);
        ConfigCheck.range("awarenessMaxMultiplier", awarenessMaxMultiplier, 1, 64);
        ConfigCheck.range("maxPendingRelays", maxPendingRelays, 1, Integer.MAX_VALUE);
        ConfigCheck.range("confirmersRemembered", confirmersRemembered, 1, 100_000);
        ConfigCheck.range("roundTripSamples", roundTripSamples, 1, 100_000);
        ConfigCheck.range("accusationNoticesRemembered", accusationNoticesRemembered, 1, Integer.MAX_VALUE);
        ConfigCheck.range("streamOnlyMembersRemembered", streamOnlyMembersRemembered, 0, Integer.MAX_VALUE);
        ConfigCheck.nonNegative("pauseToleranceNanos", pauseToleranceNanos);
        ConfigCheck.range("proofOfLifeAcks", proofOfLifeAcks, 0, MAX_PROOF_OF_LIFE_ACKS);
        ConfigCheck.range("proofOfLifeFirstAcks", proofOfLifeFirstAcks, 0, MAX_PROOF_OF_LIFE_ACKS);
        ConfigCheck.range("proofOfLifeAttempts", proofOfLifeAttempts, 1, 100);
        ConfigCheck.positive("proofOfLifeMemoryNanos", proofOfLifeMemoryNanos);
        if (probeTimeoutNanos >= probeIntervalNanos) {
            throw new IllegalArgumentException("probeTimeoutNanos (" + probeTimeoutNanos
                    + ") must be < probeIntervalNanos (" + probeIntervalNanos + ")");
        }
    }

    /** The defaults listed above. */
    public static DetectorConfig defaults() {
        return new DetectorConfig(
                1_000_000_000L,
                500_000_000L,
                3,
                true,
                4,
                6,
                true,
                8,
                false,
                1024,
                64,
                128,
                1024,
                1024,
                5_000_000_000L,
                true,
                5,
                0,
                5,
                600_000_000_000L);
    }

    /** A copy with {@code probeIntervalNanos} set to {@code value}. */
    public DetectorConfig withProbeIntervalNanos(long value) {
        return new DetectorConfig(value, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code probeTimeoutNanos} set to {@code value}. */
    public DetectorConfig withProbeTimeoutNanos(long value) {
        return new DetectorConfig(probeIntervalNanos, value, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code indirectChecks} set to {@code value}. */
    public DetectorConfig withIndirectChecks(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, value, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code streamFallbackProbe} set to {@code value}. */
    public DetectorConfig withStreamFallbackProbe(boolean value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, value, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code suspicionMult} set to {@code value}. */
    public DetectorConfig withSuspicionMult(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, value, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code suspicionMaxTimeoutMult} set to {@code value}. */
    public DetectorConfig withSuspicionMaxTimeoutMult(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, value, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code lifeguard} set to {@code value}. */
    public DetectorConfig withLifeguard(boolean value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, value, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code awarenessMaxMultiplier} set to {@code value}. */
    public DetectorConfig withAwarenessMaxMultiplier(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, value, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code quorumFailureDetection} set to {@code value}. */
    public DetectorConfig withQuorumFailureDetection(boolean value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, value, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code maxPendingRelays} set to {@code value}. */
    public DetectorConfig withMaxPendingRelays(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, value, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code confirmersRemembered} set to {@code value}. */
    public DetectorConfig withConfirmersRemembered(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, value, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code roundTripSamples} set to {@code value}. */
    public DetectorConfig withRoundTripSamples(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, value, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code accusationNoticesRemembered} set to {@code value}. */
    public DetectorConfig withAccusationNoticesRemembered(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, value, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code streamOnlyMembersRemembered} set to {@code value}. */
    public DetectorConfig withStreamOnlyMembersRemembered(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, value, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code pauseToleranceNanos} set to {@code value}. */
    public DetectorConfig withPauseToleranceNanos(long value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, value, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code degradedWithholdsSuspicions} set to {@code value}. */
    public DetectorConfig withDegradedWithholdsSuspicions(boolean value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, value, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code proofOfLifeAcks} set to {@code value}. */
    public DetectorConfig withProofOfLifeAcks(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, value, proofOfLifeFirstAcks, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code proofOfLifeFirstAcks} set to {@code value}. */
    public DetectorConfig withProofOfLifeFirstAcks(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, value, proofOfLifeAttempts, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code proofOfLifeAttempts} set to {@code value}. */
    public DetectorConfig withProofOfLifeAttempts(int value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, value, proofOfLifeMemoryNanos);
    }

    /** A copy with {@code proofOfLifeMemoryNanos} set to {@code value}. */
    public DetectorConfig withProofOfLifeMemoryNanos(long value) {
        return new DetectorConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, streamFallbackProbe, suspicionMult, suspicionMaxTimeoutMult, lifeguard, awarenessMaxMultiplier, quorumFailureDetection, maxPendingRelays, confirmersRemembered, roundTripSamples, accusationNoticesRemembered, streamOnlyMembersRemembered, pauseToleranceNanos, degradedWithholdsSuspicions, proofOfLifeAcks, proofOfLifeFirstAcks, proofOfLifeAttempts, value);
    }

    /**
     * How long after its own first unanswered probe a node with enough confirmations declares a
     * silent member dead: {@code pauseToleranceNanos + probeTimeoutNanos / 5}; {@code Long.MAX_VALUE} when off.
     */
    public long silenceDeadlineNanos() {
        return pauseToleranceNanos == 0 ? Long.MAX_VALUE : pauseToleranceNanos + probeTimeoutNanos / 5;
    }
}
