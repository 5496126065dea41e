package io.grapevine.core.state;

import io.grapevine.core.wire.VersionedEntry;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys of one owner in one {@link io.grapevine.core.base.KeyPriority} class, as one node holds them: each key's
 * latest entry, indexed by version so "everything newer than a watermark" is an ordered scan.
 *
 * <p>Invariants: {@code maxVersion} never decreases (until a reset for a new generation);
 * every held entry's version is at most {@code maxVersion}; {@code gcVersion} is the highest
 * version of a tombstone this node has forgotten, so a peer whose watermark is below it can
 * only be repaired by a reset.
 */
final class KeyStream {
    private final Map<String, VersionedEntry> byKey = new HashMap<>();
    private final TreeMap<Long, VersionedEntry> byVersion = new TreeMap<>();
    private final ArrayDeque<long[]> tombstoneTimes = new ArrayDeque<>(); // {version, learnedAtNanos}
    private long maxVersion;
    private long gcVersion;

    long maxVersion() {
        return maxVersion;
    }

    long gcVersion() {
        return gcVersion;
    }

    int size() {
        return byKey.size();
    }

    VersionedEntry get(String key) {
        return byKey.get(key);
    }

    /** Entries newer than {@code watermark}, in increasing version order. */
    Collection<VersionedEntry> after(long watermark) {
        return byVersion.tailMap(watermark, false).values();
    }

    /** The highest held version below {@code version}, or 0. */
    long versionBefore(long version) {
        Long lower = byVersion.lowerKey(version);
        return lower == null ? 0 : lower;
    }

    /** Every held entry in version order (for resets). */
    Collection<VersionedEntry> all() {
        return byVersion.values();
    }

    /**
     * Stores {@code entry} if it is newer than what is held for its key; returns the replaced
     * entry, the entry itself if nothing was held, or {@code null} if it was not newer.
     */
    VersionedEntry put(VersionedEntry entry, long nowNanos) {
        VersionedEntry old = byKey.get(entry.key());
        if (old != null && old.version() >= entry.version()) {
            return null;
        }
        if (old != null) {
            byVersion.remove(old.version());
        }
        byKey.put(entry.key(), entry);
        byVersion.put(entry.version(), entry);
        maxVersion = Math.max(maxVersion, entry.version());
        if (entry.tombstone()) {
            tombstoneTimes.addLast(new long[] {entry.version(), nowNanos});
        }
        return old == null ? entry : old;
    }

    /** Raises the watermark without entries (a complete reset whose newest writes were GC'd deletes). */
    void advanceTo(long version) {
        maxVersion = Math.max(maxVersion, version);
    }

    /** Forgets tombstones learned more than {@code graceNanos} ago; returns how many. */
    int collectGarbage(long nowNanos, long graceNanos) {
        int collected = 0;
        while (!tombstoneTimes.isEmpty() && nowNanos - tombstoneTimes.peekFirst()[1] >= graceNanos) {
            long version = tombstoneTimes.pollFirst()[0];
            VersionedEntry entry = byVersion.get(version);
            if (entry != null && entry.tombstone()) {
                byVersion.remove(version);
                byKey.remove(entry.key());
                gcVersion = Math.max(gcVersion, version);
                collected++;
            }
        }
        return collected;
    }

    /** Forgets everything (a reset) but keeps the GC mark. */
    void clear() {
        byKey.clear();
        byVersion.clear();
        tombstoneTimes.clear();
        maxVersion = 0;
    }

    /** Sets the GC mark learned from a reset. */
    void gcVersion(long version) {
        gcVersion = Math.max(gcVersion, version);
    }
}
