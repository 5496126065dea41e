package io.grapevine.sim.zone;

import io.grapevine.core.ClusterEvent;
import io.grapevine.sim.SimObserver;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows replicated writes whose keys start with a prefix through the cluster: which nodes
 * hold each ({@code KeyChanged}, the writer included) and when the last of {@code size} nodes
 * got it. Register it with {@code addObserver} before the writes; {@link #written} records
 * each write's time.
 */
final class WriteSpread implements SimObserver {
    private final String prefix;
    private final int size;
    private final Map<String, BitSet> holders = new HashMap<>(); // looked up, never iterated
    private final Map<String, Long> writtenAt = new HashMap<>();
    private final Map<String, Long> everywhereAt = new HashMap<>();

    WriteSpread(String prefix, int size) {
        this.prefix = prefix;
        this.size = size;
    }

    /** {@code key} was written at {@code nowNanos}. */
    void written(String key, long nowNanos) {
        writtenAt.put(key, nowNanos);
    }

    @Override
    public void onEvent(int node, ClusterEvent event, long nowNanos) {
        if (!(event instanceof ClusterEvent.KeyChanged changed) || !changed.change().key().startsWith(prefix)) {
            return;
        }
        String key = changed.change().key();
        BitSet held = holders.computeIfAbsent(key, k -> new BitSet(size));
        held.set(node);
        if (held.cardinality() == size) {
            everywhereAt.putIfAbsent(key, nowNanos);
        }
    }

    /** How many nodes hold {@code key}. */
    int holders(String key) {
        BitSet held = holders.get(key);
        return held == null ? 0 : held.cardinality();
    }

    /** Whether every node holds {@code key}. */
    boolean everywhere(String key) {
        return everywhereAt.containsKey(key);
    }

    /** Time from the write of {@code key} to the last node holding it, in ns, or -1 while some lack it. */
    long spreadNanos(String key) {
        Long end = everywhereAt.get(key);
        Long start = writtenAt.get(key);
        return end == null || start == null ? -1 : end - start;
    }
}
