package io.grapevine.core;

import java.util.Map;

/**
 * A snapshot of one node's counters.
 *
 * @param packetsSent datagrams and stream messages sent
 * @param bytesSent their bytes
 * @param packetsReceived datagrams and stream messages received (accepted or not)
 * @param bytesReceived their bytes
 * @param rumorQueueLength rumors waiting now
 * @param maxRumorQueueLength the most rumors ever waiting
 * @param rumorsDropped rumors evicted or refused because the queue was full
 * @param healthScore Lifeguard local health score (0 is healthy)
 * @param drops dropped inputs by {@link io.grapevine.core.wire.DropReason} name, only non-zero counts, in enum order
 * @param probeRttMedianNanos median round trip of the last {@code roundTripSamples} direct probes (0 if none)
 * @param probeRttP99Nanos 99th percentile of the same
 */
public record NodeMetrics(long packetsSent, long bytesSent, long packetsReceived, long bytesReceived,
                          int rumorQueueLength, int maxRumorQueueLength, long rumorsDropped, int healthScore,
                          Map<String, Long> drops, long probeRttMedianNanos, long probeRttP99Nanos) {
    /** Freezes the map. */
    public NodeMetrics {
        drops = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(drops));
    }

    /** Total dropped inputs. */
    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
