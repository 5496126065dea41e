package io.grapevine.core.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/** When this node last reconciled with each peer, for "prefer peers not reconciled recently". Bounded (LRU). */
final class PeerRecency {
    private final int capacity;
    private final LinkedHashMap<String, Long> last;

    PeerRecency(int capacity) {
        this.capacity = capacity;
        this.last = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > PeerRecency.this.capacity;
            }
        };
    }

    void touch(String peer, long nowNanos) {
        last.put(peer, nowNanos);
    }

    /** Last reconciliation time, or {@code Long.MIN_VALUE} if never (or forgotten). */
    long last(String peer) {
        Long time = last.get(peer);
        return time == null ? Long.MIN_VALUE : time;
    }

    void forget(String peer) {
        last.remove(peer);
    }
}
