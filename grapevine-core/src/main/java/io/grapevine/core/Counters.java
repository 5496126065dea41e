package io.grapevine.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Traffic and drop counters of one node. Confined to the node's thread. */
final class Counters {
    private final long[] drops = new long[DropReason.values().length];
    long packetsSent;
    long bytesSent;
    long packetsReceived;
    long bytesReceived;

    void drop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    void sent(int bytes) {
        packetsSent++;
        bytesSent += bytes;
    }

    void received(int bytes) {
        packetsReceived++;
        bytesReceived += bytes;
    }

    Map<String, Long> drops() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            if (drops[reason.ordinal()] > 0) {
                map.put(reason.name(), drops[reason.ordinal()]);
            }
        }
        return map;
    }
}
