package io.grapevine.sim.zone;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.network.ZoneLatency;

/**
 * One zones experiment, immutable and validated: the canonical constructor names the offending
 * field and value. Durations are virtual nanoseconds. {@link #defaults()} is issue 17's
 * 4 zones × 256 nodes, 0.5 ms inside a zone and 50 ms between zones, zone-aware.
 *
 * @param zones number of zones, 2..64. Node {@code i} is in zone {@code zone-(i / perZone)}. Default 4.
 * @param perZone nodes per zone, 2..100,000. Default 256.
 * @param seed the run's seed. Default 1.
 * @param zoneAware each node carries its zone (zone-aware gossip) or none (the flat protocol on the same network). Default true.
 * @param crossZoneLinks {@code ZoneConfig.crossZoneLinks} when zone-aware, 1..64. Default 3.
 * @param latency per-link latency by zone. Default {@link ZoneLatency#datacenters()}.
 * @param warmupNanos from the converged start until measuring (zones are learned by then), positive. Default 20 s.
 * @param idleWindowNanos the idle measurement window, positive. Default 30 s.
 * @param writes writes whose spread is timed, 1..1,000, each by a random node. Default 5.
 * @param writeSpacingNanos time between two timed writes, positive. Default 3 s.
 * @param cutNanos how long one zone is cut off from the others, 0 for no cut. Default 20 s.
 * @param healLimitNanos how long after the heal to wait for the re-merge, positive. Default 120 s.
 * @param core every node's protocol configuration (the zone is set on top of it). Default {@link CoreConfig#defaults()}.
 */
public record ZoneRunConfig(int zones, int perZone, long seed, boolean zoneAware, int crossZoneLinks,
                            ZoneLatency latency, long warmupNanos, long idleWindowNanos, int writes,
                            long writeSpacingNanos, long cutNanos, long healLimitNanos, CoreConfig core) {

    /** Validates every field. */
    public ZoneRunConfig {
        range("zones", zones, 2, 64);
        range("perZone", perZone, 2, 100_000);
        range("crossZoneLinks", crossZoneLinks, 1, 64);
        if (latency == null) {
            throw new IllegalArgumentException("latency must not be null");
        }
        positive("warmupNanos", warmupNanos);
        positive("idleWindowNanos", idleWindowNanos);
        range("writes", writes, 1, 1_000);
        positive("writeSpacingNanos", writeSpacingNanos);
        if (cutNanos < 0) {
            throw new IllegalArgumentException("cutNanos must be >= 0: " + cutNanos);
        }
        positive("healLimitNanos", healLimitNanos);
        if (core == null) {
            throw new IllegalArgumentException("core must not be null");
        }
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ": " + value);
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    /** The defaults listed above. */
    public static ZoneRunConfig defaults() {
        return new ZoneRunConfig(4, 256, 1L, true, 3, ZoneLatency.datacenters(), 20_000_000_000L, 30_000_000_000L,
                5, 3_000_000_000L, 20_000_000_000L, 120_000_000_000L, CoreConfig.defaults());
    }

    /** Total nodes. */
    public int nodes() {
        return zones * perZone;
    }

    /** A copy with the cluster shape changed. */
    public ZoneRunConfig withShape(int zonesValue, int perZoneValue) {
        return new ZoneRunConfig(zonesValue, perZoneValue, seed, zoneAware, crossZoneLinks, latency, warmupNanos,
                idleWindowNanos, writes, writeSpacingNanos, cutNanos, healLimitNanos, core);
    }

    /** A copy with {@code seed} set. */
    public ZoneRunConfig withSeed(long value) {
        return new ZoneRunConfig(zones, perZone, value, zoneAware, crossZoneLinks, latency, warmupNanos,
                idleWindowNanos, writes, writeSpacingNanos, cutNanos, healLimitNanos, core);
    }

    /** A copy with {@code zoneAware} set. */
    public ZoneRunConfig withZoneAware(boolean value) {
        return new ZoneRunConfig(zones, perZone, seed, value, crossZoneLinks, latency, warmupNanos,
                idleWindowNanos, writes, writeSpacingNanos, cutNanos, healLimitNanos, core);
    }

    /** A copy with {@code crossZoneLinks} set. */
    public ZoneRunConfig withCrossZoneLinks(int value) {
        return new ZoneRunConfig(zones, perZone, seed, zoneAware, value, latency, warmupNanos,
                idleWindowNanos, writes, writeSpacingNanos, cutNanos, healLimitNanos, core);
    }

    /** A copy with the phase durations set. */
    public ZoneRunConfig withTimes(long warmup, long idleWindow, long cut, long healLimit) {
        return new ZoneRunConfig(zones, perZone, seed, zoneAware, crossZoneLinks, latency, warmup,
                idleWindow, writes, writeSpacingNanos, cut, healLimit, core);
    }

    /** A copy with {@code writes} set. */
    public ZoneRunConfig withWrites(int value) {
        return new ZoneRunConfig(zones, perZone, seed, zoneAware, crossZoneLinks, latency, warmupNanos,
                idleWindowNanos, value, writeSpacingNanos, cutNanos, healLimitNanos, core);
    }

    /** A copy with {@code core} set. */
    public ZoneRunConfig withCore(CoreConfig value) {
        return new ZoneRunConfig(zones, perZone, seed, zoneAware, crossZoneLinks, latency, warmupNanos,
                idleWindowNanos, writes, writeSpacingNanos, cutNanos, healLimitNanos, value);
    }
}
