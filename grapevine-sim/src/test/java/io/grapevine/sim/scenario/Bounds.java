package io.grapevine.sim.scenario;

import io.grapevine.core.CoreConfig;

/**
 * Time bounds derived from the protocol configuration, as the SWIM and Lifeguard papers and
 * {@link CoreConfig}'s field documentation state them. All in nanoseconds.
 */
final class Bounds {
    private Bounds() {
    }

    /** suspicionMult · max(1, log10 N) · probeInterval: the shortest suspicion timeout. */
    static long minSuspicionNanos(CoreConfig core, int nodes) {
        return (long) (core.detector().suspicionMult() * Math.max(1.0, Math.log10(nodes)) * core.detector().probeIntervalNanos());
    }

    /** The suspicion timeout with no confirmations (Lifeguard starts high), or the fixed one without. */
    static long maxSuspicionNanos(CoreConfig core, int nodes) {
        long min = minSuspicionNanos(core, nodes);
        return core.detector().lifeguard() ? min * core.detector().suspicionMaxTimeoutMult() : min;
    }

    /** How long a rumor keeps being retransmitted: retransmitMult · ceil(log10(N+1)) gossip rounds. */
    static long disseminationNanos(CoreConfig core, int nodes) {
        return core.gossip().retransmitMult() * (long) Math.ceil(Math.log10(nodes + 1.0)) * core.gossip().gossipIntervalNanos();
    }

    /**
     * The SWIM detection bound: a few protocol periods until some member probes the crashed
     * one (probe targets are a randomised round-robin; the chance that nobody probes it in k
     * periods is about e^-k), the probe timeout, the longest suspicion timeout, then
     * dissemination of the verdict.
     */
    static long detectionBoundNanos(CoreConfig core, int nodes) {
        return 3 * core.detector().probeIntervalNanos() + core.detector().probeTimeoutNanos() + maxSuspicionNanos(core, nodes)
                + disseminationNanos(core, nodes);
    }

    /**
     * The pause-tolerance rule's bound for a silent crash: a few probe periods until some member
     * probes it (as above), the rule's deadline after that probe, and one more period for the
     * confirmations and the mailed verdict.
     */
    static long silentDetectionBoundNanos(CoreConfig core) {
        return 4 * core.detector().probeIntervalNanos() + core.detector().silenceDeadlineNanos();
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
