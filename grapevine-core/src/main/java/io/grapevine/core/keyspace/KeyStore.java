package io.grapevine.core.keyspace;

import io.grapevine.core.wire.SharedEntry;
import java.util.function.Consumer;

/**
 * Where a replica keeps its shared-keyspace entries: the source of truth that survives a
 * restart when the implementation is persistent. Entries are ordered by (key hash as an
 * unsigned number, key), so that a key range and a Merkle leaf are each one contiguous scan.
 * Besides entries, a store keeps a few named numbers (the clock's high-water mark, tombstone
 * horizons) that must survive with them.
 *
 * <p>Implementations: {@link MemoryKeyStore} (simulator, tests) here; a persistent one
 * outside the core, because it does I/O. Called on the node's thread only. An implementation
 * that fails to read or write throws; that is a failure of the node, not of the peer's input.
 */
public interface KeyStore {
    /** The entry held for {@code key} (whose hash is {@code keyHash}), or null. */
    SharedEntry get(long keyHash, String key);

    /** Inserts or replaces the entry for its key. */
    void put(long keyHash, SharedEntry entry);

    /** Removes the entry for {@code key}, if any. */
    void remove(long keyHash, String key);

    /**
     * Visits the entries whose key hash lies in {@code [fromHash, toHash]} (unsigned,
     * inclusive) in (hash, key) order. The visitor must not modify the store.
     */
    void scan(long fromHash, long toHash, Consumer<SharedEntry> visitor);

    /** Number of entries, tombstones included. */
    long size();

    /** The named number {@code name}, or 0 if never set. */
    long meta(String name);

    /** Sets the named number {@code name}. */
    void meta(String name, long value);
}
