package io.grapevine.core.membership;

import io.grapevine.core.base.ConfigCheck;

/**
 * Zone-aware (hierarchical) gossip: this node's zone (a datacenter, a rack) and how members of
 * different zones talk. Immutable and validated at construction; durations are nanoseconds.
 * Part of {@code CoreConfig}.
 *
 * <p>With {@code zone} empty (the default) the node runs the flat protocol, unchanged bit for
 * bit. With a zone, the node publishes it in its replicated state (the reserved key
 * {@link #ZONE_KEY}) and probes, gossips, mails and reconciles inside its zone; across zones
 * only the {@code crossZoneLinks} members of each zone with the lowest link hash carry gossip,
 * anti-entropy and probes, with the WAN timings below (docs/PROTOCOL.md, "Zones").
 *
 * @param zone this node's zone, at most {@value #MAX_ZONE_BYTES} UTF-8 bytes; "" for none (the flat
 *     protocol). A member whose zone is not yet known counts as in this node's zone. Default "".
 * @param crossZoneLinks members per zone that carry its cross-zone traffic, 1..64. More links
 *     carry more cross-zone traffic (it grows with zones × links, never with zone sizes) and
 *     survive more simultaneous failures before a zone is cut off. Default 3.
 * @param wanProbeIntervalNanos the protocol period of a probe of a member of another zone, in
 *     ns, positive: the prober waits this long before its next probe. Default 3 s.
 * @param wanProbeTimeoutNanos how long a probe of a member of another zone waits for the ack
 *     before asking the other links, in ns; {@code < wanProbeIntervalNanos}. Default 1.5 s.
 * @param wanSuspicionMult the suspicion multiplier for members of other zones (Lifeguard's
 *     minimum timeout is {@code wanSuspicionMult · max(1, log10 N) · wanProbeIntervalNanos}),
 *     2..32. Default 6 (memberlist's WAN profile).
 * @param linkRefreshNanos how often at most the links are re-chosen when membership or a
 *     member's zone changed, in ns, positive. Shorter replaces a failed link sooner, at
 *     {@code O(N)} work per refresh. Default 200 ms.
 */
public record ZoneConfig(
        String zone,
        int crossZoneLinks,
        long wanProbeIntervalNanos,
        long wanProbeTimeoutNanos,
        int wanSuspicionMult,
        long linkRefreshNanos) {

    /** The replicated-state key under which a node publishes its zone (the {@code grapevine.} prefix is reserved). */
    public static final String ZONE_KEY = "grapevine.zone";
    /** Longest zone name, in UTF-8 bytes. */
    public static final int MAX_ZONE_BYTES = 64;

    /** Validates every field; a refusal names the field, its value and the rule. */
    public ZoneConfig {
        ConfigCheck.text("zone", zone, MAX_ZONE_BYTES);
        ConfigCheck.range("crossZoneLinks", crossZoneLinks, 1, 64);
        ConfigCheck.positive("wanProbeIntervalNanos", wanProbeIntervalNanos);
        ConfigCheck.positive("wanProbeTimeoutNanos", wanProbeTimeoutNanos);
        if (wanProbeTimeoutNanos >= wanProbeIntervalNanos) {
            throw new IllegalArgumentException("wanProbeTimeoutNanos (" + wanProbeTimeoutNanos
                    + ") must be < wanProbeIntervalNanos (" + wanProbeIntervalNanos + ")");
        }
        ConfigCheck.range("wanSuspicionMult", wanSuspicionMult, 2, 32);
        ConfigCheck.positive("linkRefreshNanos", linkRefreshNanos);
    }

    /** No zone: the flat protocol, with the other defaults listed above. */
    public static ZoneConfig defaults() {
        return new ZoneConfig("", 3, 3_000_000_000L, 1_500_000_000L, 6, 200_000_000L);
    }

    /** Whether this node has a zone (else it runs the flat protocol). */
    public boolean zoned() {
        return !zone.isEmpty();
    }

    /** A copy with {@code zone} set to {@code value}. */
    public ZoneConfig withZone(String value) {
        return new ZoneConfig(value, crossZoneLinks, wanProbeIntervalNanos, wanProbeTimeoutNanos, wanSuspicionMult,
                linkRefreshNanos);
    }

    /** A copy with {@code crossZoneLinks} set to {@code value}. */
    public ZoneConfig withCrossZoneLinks(int value) {
        return new ZoneConfig(zone, value, wanProbeIntervalNanos, wanProbeTimeoutNanos, wanSuspicionMult,
                linkRefreshNanos);
    }

    /** A copy with {@code wanProbeIntervalNanos} set to {@code value}. */
    public ZoneConfig withWanProbeIntervalNanos(long value) {
        return new ZoneConfig(zone, crossZoneLinks, value, wanProbeTimeoutNanos, wanSuspicionMult, linkRefreshNanos);
    }

    /** A copy with {@code wanProbeTimeoutNanos} set to {@code value}. */
    public ZoneConfig withWanProbeTimeoutNanos(long value) {
        return new ZoneConfig(zone, crossZoneLinks, wanProbeIntervalNanos, value, wanSuspicionMult, linkRefreshNanos);
    }

    /** A copy with {@code wanSuspicionMult} set to {@code value}. */
    public ZoneConfig withWanSuspicionMult(int value) {
        return new ZoneConfig(zone, crossZoneLinks, wanProbeIntervalNanos, wanProbeTimeoutNanos, value, linkRefreshNanos);
    }

    /** A copy with {@code linkRefreshNanos} set to {@code value}. */
    public ZoneConfig withLinkRefreshNanos(long value) {
        return new ZoneConfig(zone, crossZoneLinks, wanProbeIntervalNanos, wanProbeTimeoutNanos, wanSuspicionMult, value);
    }
}
