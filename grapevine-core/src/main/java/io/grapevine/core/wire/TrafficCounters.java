package io.grapevine.core.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node's traffic and drop counters, shared by the rooms that send and drop. Counts only
 * grow. Confined to the node's thread.
 */
public final class TrafficCounters {
    private final long[] drops = new long[DropReason.values().length];
    private long packetsSent;
    private long bytesSent;
    private long packetsReceived;
    private long bytesReceived;

    /** Counts one dropped input. */
    public void drop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    /** Counts one packet of {@code bytes} handed to the driver to send. */
    public void sent(int bytes) {
        packetsSent++;
        bytesSent += bytes;
    }

    /** Counts one packet of {@code bytes} received, accepted or not. */
    public void received(int bytes) {
        packetsReceived++;
        bytesReceived += bytes;
    }

    /** Packets sent. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Bytes sent. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Packets received. */
    public long packetsReceived() {
        return packetsReceived;
    }

    /** Bytes received. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Non-zero drop counts by reason name, in enum order. */
    public Map<String, Long> drops() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            if (drops[reason.ordinal()] > 0) {
                map.put(reason.name(), drops[reason.ordinal()]);
            }
        }
        return map;
    }
}
