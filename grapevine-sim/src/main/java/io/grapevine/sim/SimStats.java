package io.grapevine.sim;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one simulation, as of a moment: what nodes sent, what the simulator delivered and
 * dropped, and how much work it did. Subtract two snapshots ({@link #minus}) to measure a window.
 *
 * @param packetsSent datagrams and stream messages handed to the network by nodes
 * @param bytesSent their total size in bytes
 * @param packetsDelivered packets handed to a receiving node (duplicates included)
 * @param ticks onTick calls made
 * @param events events processed by the loop (deliveries, ticks, stale and deferred entries)
 * @param drops packets not delivered, by reason; every reason present
 */
public record SimStats(long packetsSent, long bytesSent, long packetsDelivered, long ticks, long events,
                       Map<NetworkDrop, Long> drops) {
    /** Copies {@code drops}, filling missing reasons with 0. */
    public SimStats {
        EnumMap<NetworkDrop, Long> all = new EnumMap<>(NetworkDrop.class);
        for (NetworkDrop reason : NetworkDrop.values()) {
            all.put(reason, drops.getOrDefault(reason, 0L));
        }
        drops = java.util.Collections.unmodifiableMap(all);
    }

    /** Total packets dropped for any reason. */
    public long packetsDropped() {
        long total = 0;
        for (long count : drops.values()) {
            total += count;
        }
        return total;
    }

    /** The counts accumulated since {@code earlier}. */
    public SimStats minus(SimStats earlier) {
        EnumMap<NetworkDrop, Long> diff = new EnumMap<>(NetworkDrop.class);
        for (NetworkDrop reason : NetworkDrop.values()) {
            diff.put(reason, drops.get(reason) - earlier.drops.get(reason));
        }
        return new SimStats(packetsSent - earlier.packetsSent, bytesSent - earlier.bytesSent,
                packetsDelivered - earlier.packetsDelivered, ticks - earlier.ticks,
                events - earlier.events, diff);
    }
}
