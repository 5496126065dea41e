package io.grapevine.sim.network;

/**
 * Per-link latency by zone: a datagram between two nodes of one zone takes
 * {@code intraZoneNanos}, between zones {@code interZoneNanos}, each plus the
 * {@link NetworkModel}'s jitter (whose base latency it replaces). Immutable and validated: the
 * canonical constructor names the offending field and value.
 *
 * @param intraZoneNanos one-way latency inside a zone, in ns, at least 0. The zones scenario uses 0.5 ms.
 * @param interZoneNanos one-way latency between zones, in ns, at least {@code intraZoneNanos}. The zones scenario uses 50 ms.
 */
public record ZoneLatency(long intraZoneNanos, long interZoneNanos) {
    /** Validates both fields. */
    public ZoneLatency {
        if (intraZoneNanos < 0) {
            throw new IllegalArgumentException("intraZoneNanos must be >= 0: " + intraZoneNanos);
        }
        if (interZoneNanos < intraZoneNanos) {
            throw new IllegalArgumentException("interZoneNanos (" + interZoneNanos + ") must be >= intraZoneNanos ("
                    + intraZoneNanos + ")");
        }
    }

    /** 0.5 ms inside a zone, 50 ms between zones (issue 17's datacenters). */
    public static ZoneLatency datacenters() {
        return new ZoneLatency(500_000L, 50_000_000L);
    }
}
