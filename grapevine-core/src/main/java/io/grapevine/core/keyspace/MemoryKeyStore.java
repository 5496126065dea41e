package io.grapevine.core.keyspace;

import io.grapevine.core.wire.SharedEntry;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@link KeyStore} in memory: a sorted map by (unsigned key hash, key). For the simulator,
 * tests and nodes that need no persistence. Confined to one thread.
 */
public final class MemoryKeyStore implements KeyStore {
    private static final Comparator<Slot> ORDER = Comparator.<Slot>comparingLong(s -> s.hash ^ Long.MIN_VALUE)
            .thenComparing(s -> s.key);

    private final NavigableMap<Slot, SharedEntry> entries = new TreeMap<>(ORDER);
    private final Map<String, Long> meta = new TreeMap<>();

    private record Slot(long hash, String key) {
    }

    @Override
    public SharedEntry get(long keyHash, String key) {
        return entries.get(new Slot(keyHash, key));
    }

    @Override
    public void put(long keyHash, SharedEntry entry) {
        entries.put(new Slot(keyHash, entry.key()), entry);
    }

    @Override
    public void remove(long keyHash, String key) {
        entries.remove(new Slot(keyHash, key));
    }

    @Override
    public void scan(long fromHash, long toHash, Consumer<SharedEntry> visitor) {
        // "" sorts before every key of the same hash
        Slot from = new Slot(fromHash, "");
        for (Map.Entry<Slot, SharedEntry> e : entries.tailMap(from, true).entrySet()) {
            if (Long.compareUnsigned(e.getKey().hash, toHash) > 0) {
                return;
            }
            visitor.accept(e.getValue());
        }
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public long meta(String name) {
        return meta.getOrDefault(name, 0L);
    }

    @Override
    public void meta(String name, long value) {
        meta.put(name, value);
    }
}
