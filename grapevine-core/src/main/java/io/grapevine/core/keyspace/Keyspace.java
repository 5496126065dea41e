package io.grapevine.core.keyspace;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.Hash64;
import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.merkle.MerkleTree;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.SharedEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica's shared keyspace: the entries in a {@link KeyStore}, a Merkle tree per key
 * range kept equal to its entries on every change, each range's tombstone horizon, and the
 * hybrid logical clock that stamps local writes. Every change goes through {@link #apply},
 * which enforces last-writer-wins ({@link Precedence}), the horizon and the limits.
 *
 * <p>On construction the trees are rebuilt once from the store, and the clock starts above
 * the newest stamp found there, so a restarted node never stamps a write older than one it
 * had made. Confined to the node's thread.
 */
public final class Keyspace {
    private static final String HORIZON = "horizon.";
    private static final String SYNCED = "synced.";

    private final KeyspaceConfig config;
    private final KeyStore store;
    private final MerkleShape shape;
    private final int partitionBits;
    private final MerkleTree[] trees;
    private final long[] horizons;
    /** By range: the physical time (ms) this replica was last seen in sync with a co-replica (0: never). */
    private final long[] syncedMillis;
    private final HybridClock clock;

    /** The keyspace held in {@code store}; trees and clock are rebuilt from it. */
    public Keyspace(KeyspaceConfig config, KeyStore store) {
        this.config = config;
        this.store = store;
        this.shape = config.merkle();
        this.partitionBits = config.partitionBits();
        this.trees = new MerkleTree[config.partitions()];
        this.horizons = new long[config.partitions()];
        this.syncedMillis = new long[config.partitions()];
        long[] newest = {0};
        store.scan(0, -1, entry -> {
            long hash = Hash64.of(entry.key());
            tree(partitionOf(hash)).add(shape.leafOf(hash, partitionBits), digest(hash, entry));
            newest[0] = Math.max(newest[0], entry.hlc());
        });
        for (int p = 0; p < horizons.length; p++) {
            horizons[p] = store.meta(HORIZON + p);
            syncedMillis[p] = store.meta(SYNCED + p);
        }
        this.clock = new HybridClock(newest[0], config.maxClockAheadNanos() / 1_000_000L);
    }

    /** The configuration. */
    public KeyspaceConfig config() {
        return config;
    }

    /** The hash that places {@code key}. */
    public static long hashOf(String key) {
        return Hash64.of(key);
    }

    /** The range of {@code key}. */
    public int partitionOf(String key) {
        return partitionOf(hashOf(key));
    }

    private int partitionOf(long hash) {
        return HashRing.partitionOf(hash, partitionBits);
    }

    /** The digest an entry contributes to its Merkle leaf: its key, stamp, writer and content. */
    static long digest(long keyHash, SharedEntry entry) {
        long version = entry.hlc() ^ Hash64.mix(Hash64.of(entry.writer())) ^ entry.value().hash64()
                ^ (entry.tombstone() ? 0x5bd1e995L : 0);
        return MerkleTree.digest(keyHash, version);
    }

    /** The tree of range {@code partition} (empty if nothing was ever held there). */
    public MerkleTree tree(int partition) {
        MerkleTree tree = trees[partition];
        if (tree == null) {
            tree = new MerkleTree(shape);
            trees[partition] = tree;
        }
        return tree;
    }

    /**
     * A new entry for a local write of {@code key} at physical time {@code physicalMillis},
     * stamped by this replica's clock; not yet applied anywhere.
     *
     * @throws IllegalArgumentException naming the limit if the key or value is too large
     */
    public SharedEntry stamp(String key, Bytes value, boolean tombstone, String writer, long physicalMillis) {
        checkLimits(key, value);
        long hlc = clock.tick(physicalMillis);
        return tombstone ? SharedEntry.tombstone(key, hlc, writer) : new SharedEntry(key, value, hlc, writer, false);
    }

    /** Refuses, naming the limit, a key or value a local write may not have. */
    public void checkLimits(String key, Bytes value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > config.maxKeyBytes()) {
            throw new IllegalArgumentException("key is over maxKeyBytes (" + config.maxKeyBytes() + " UTF-8 bytes)");
        }
        if (value.length() > config.maxValueBytes()) {
            throw new IllegalArgumentException("value of " + value.length() + " bytes is over maxValueBytes ("
                    + config.maxValueBytes() + ")");
        }
    }

    /**
     * Records that this replica's range {@code partition} was just found equal to a co-replica's
     * (equal Merkle roots) at physical time {@code physicalMillis}; kept in the store, so a
     * restart knows how long it was away.
     */
    public void markSynced(int partition, long physicalMillis) {
        if (physicalMillis > syncedMillis[partition]) {
            syncedMillis[partition] = physicalMillis;
            store.meta(SYNCED + partition, physicalMillis);
        }
    }

    /**
     * True when range {@code partition} has not been seen in sync for longer than the tombstone
     * grace (or never): deletions may have been collected meanwhile, so this replica's old
     * entries are not to be trusted over a fresh peer's horizon (it takes a reset).
     */
    public boolean isStale(int partition, long physicalMillis) {
        return physicalMillis - syncedMillis[partition] > config.tombstoneGraceNanos() / 1_000_000L;
    }

    /** Applies one entry by last-writer-wins, from a source trusted below the horizon; see {@link ApplyOutcome}. */
    public ApplyOutcome apply(SharedEntry entry, long physicalMillis) {
        return apply(entry, physicalMillis, false);
    }

    /**
     * Applies one entry by last-writer-wins; see {@link ApplyOutcome}. A tombstone older than
     * the range's horizon for a key not held is already collected ({@link ApplyOutcome#BELOW_HORIZON});
     * so is a value that old when {@code fromStale} (it came from a replica away for longer
     * than the grace, and may be a deleted key's).
     */
    public ApplyOutcome apply(SharedEntry entry, long physicalMillis, boolean fromStale) {
        if (entry.key().getBytes(StandardCharsets.UTF_8).length > config.maxKeyBytes()
                || entry.value().length() > config.maxValueBytes()) {
            return ApplyOutcome.TOO_LARGE;
        }
        clock.observe(entry.hlc(), physicalMillis);
        long hash = hashOf(entry.key());
        int partition = partitionOf(hash);
        int leaf = shape.leafOf(hash, partitionBits);
        SharedEntry held = store.get(hash, entry.key());
        if (held != null) {
            int order = Precedence.compare(entry, held);
            if (order <= 0) {
                return order == 0 ? ApplyOutcome.SAME : ApplyOutcome.STALE;
            }
            tree(partition).remove(leaf, digest(hash, held));
            if (entry.tombstone() && entry.hlc() < horizons[partition]) {
                store.remove(hash, entry.key()); // deleted and already past the horizon: collected at once
                return ApplyOutcome.APPLIED;
            }
        } else {
            if (entry.hlc() < horizons[partition] && (entry.tombstone() || fromStale)) {
                return ApplyOutcome.BELOW_HORIZON;
            }
            if (store.size() >= config.maxKeys()) {
                return ApplyOutcome.FULL;
            }
        }
        store.put(hash, entry);
        tree(partition).add(leaf, digest(hash, entry));
        return ApplyOutcome.APPLIED;
    }

    /** The entry held for {@code key} (a value or a tombstone), or null. */
    public SharedEntry get(String key) {
        return store.get(hashOf(key), key);
    }

    /** Entries held, tombstones included. */
    public long size() {
        return store.size();
    }

    /** The tombstone horizon of range {@code partition}: tombstones older than it are collected (0: none). */
    public long horizon(int partition) {
        return horizons[partition];
    }

    /**
     * Raises range {@code partition}'s horizon to {@code horizon} (a peer's, or this node's own
     * garbage collection) and collects the tombstones below it; returns how many.
     */
    public int raiseHorizon(int partition, long horizon) {
        if (horizon <= horizons[partition]) {
            return 0;
        }
        horizons[partition] = horizon;
        store.meta(HORIZON + partition, horizon);
        List<SharedEntry> collected = new ArrayList<>();
        scanPartition(partition, entry -> {
            if (entry.tombstone() && entry.hlc() < horizon) {
                collected.add(entry);
            }
        });
        for (SharedEntry tombstone : collected) {
            remove(tombstone);
        }
        return collected.size();
    }

    /**
     * Drops a live entry that a peer past the horizon showed to be deleted: it is older than
     * that peer's horizon and the peer, which holds every surviving entry that old, lacks it.
     */
    public void dropBelowHorizon(SharedEntry entry) {
        SharedEntry held = get(entry.key());
        if (held != null && held.equals(entry) && entry.hlc() < horizons[partitionOf(entry.key())]) {
            remove(entry);
        }
    }

    private void remove(SharedEntry entry) {
        long hash = hashOf(entry.key());
        store.remove(hash, entry.key());
        tree(partitionOf(hash)).remove(shape.leafOf(hash, partitionBits), digest(hash, entry));
    }

    /** Visits range {@code partition}'s entries in (hash, key) order. */
    public void scanPartition(int partition, java.util.function.Consumer<SharedEntry> visitor) {
        int shift = 64 - partitionBits;
        long from = partitionBits == 0 ? 0 : (long) partition << shift;
        long to = partitionBits == 0 ? -1 : from + ((1L << shift) - 1);
        store.scan(from, to, visitor);
    }

    /**
     * Range {@code partition}'s entries under node {@code index} at {@code level} of its tree
     * (a leaf at the tree's depth), in (hash, key) order.
     */
    public List<SharedEntry> subtreeEntries(int partition, int level, int index) {
        int levelBits = Integer.numberOfTrailingZeros(shape.fanout()) * level;
        int shift = 64 - partitionBits - levelBits;
        long prefix = ((long) partition << levelBits) | index;
        long from = shift == 64 ? 0 : prefix << shift;
        long to = shift == 64 ? -1 : from + ((1L << shift) - 1);
        List<SharedEntry> entries = new ArrayList<>();
        store.scan(from, to, entries::add);
        return entries;
    }

    /** The newest stamp this replica issued or adopted. */
    public long clockHighWaterMark() {
        return clock.last();
    }
}
