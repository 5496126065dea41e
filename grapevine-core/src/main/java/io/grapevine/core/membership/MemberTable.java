package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every member one node knows, itself included, with tombstones for dead and left members.
 *
 * <p>Invariants: names are unique; {@link #liveCount()} equals the number of ALIVE and
 * SUSPECT entries; at most {@code maxTombstones} tombstones are kept, the oldest reaped first;
 * iteration order ({@link #entries()}) depends only on the sequence of operations, never on
 * hashing. Lookups are O(1); a uniformly random entry is O(1). {@link #viewHash()} is the
 * order-independent hash of every entry's identity, incarnation and status, kept up to date
 * on every change.
 */
public final class MemberTable {
    private final Map<String, MemberEntry> byName = new HashMap<>();
    private final ArrayList<MemberEntry> entries = new ArrayList<>();
    private final ArrayDeque<Tombstone> tombstones = new ArrayDeque<>();
    private final int historyCapacity;
    private final int maxTombstones;
    private int liveCount;
    private int tombstoneCount;
    private long viewHash;
    private long liveSetVersion;

    private record Tombstone(String name, long generation, long sinceNanos) {
    }

    /** An empty table. */
    public MemberTable(int historyCapacity, int maxTombstones) {
        this.historyCapacity = historyCapacity;
        this.maxTombstones = maxTombstones;
    }

    /** The entry named {@code name}, if any. */
    public Optional<MemberEntry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The entry named {@code name}, or {@code null}: the allocation-free lookup for hot paths. */
    public MemberEntry get(String name) {
        return byName.get(name);
    }

    /** Number of entries, tombstones included. */
    public int size() {
        return entries.size();
    }

    /** Number of ALIVE and SUSPECT entries, self included. */
    public int liveCount() {
        return liveCount;
    }

    /**
     * A counter that moves whenever the set of live (ALIVE or SUSPECT) members changes: a live
     * member added or removed, or an entry turning live or no longer live. Cheap change detection for
     * structures derived from the live set (the probe ring).
     */
    public long liveSetVersion() {
        return liveSetVersion;
    }

    /**
     * A 64-bit hash of the whole view (each entry's name, address, generation, incarnation and
     * status, combined by XOR so the order does not matter), maintained in O(1) per change.
     * Two tables with the same entries have the same hash on every JVM; two different ones
     * collide with probability about 2^-64. The push-pull exchange sends it first, and the full
     * member list only when the hashes differ.
     */
    public long viewHash() {
        return viewHash;
    }

    /** The hash of one entry as {@link #viewHash()} combines it: a strong 64-bit mix of its fields. */
    static long entryHash(NodeId id, long incarnation, MemberStatus status) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h ^ stringHash(id.name()));
        h = mix(h ^ stringHash(id.address().host()));
        h = mix(h ^ id.address().port());
        h = mix(h ^ id.generation());
        h = mix(h ^ incarnation);
        return mix(h ^ status.ordinal());
    }

    private static long stringHash(String value) {
        long h = 0xCBF29CE484222325L; // FNV-1a over the UTF-16 units: defined on every JVM
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Every entry in a deterministic order; a read-only view. */
    public List<MemberEntry> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }

    /** A uniformly random entry (any status), or {@code null} when empty. */
    public MemberEntry random(RandomSource random) {
        return entries.isEmpty() ? null : entries.get(random.nextInt(entries.size()));
    }

    /** Adds a new member; the name must not be present. */
    public MemberEntry add(NodeId id, long incarnation, MemberStatus status, long nowNanos) {
        if (byName.containsKey(id.name())) {
            throw new IllegalStateException("member already present: " + id.name());
        }
        MemberEntry entry = new MemberEntry(id, incarnation, status, nowNanos);
        viewHash ^= entryHash(id, incarnation, status);
        entry.index = entries.size();
        entries.add(entry);
        byName.put(id.name(), entry);
        if (status.isLive()) {
            liveCount++;
            liveSetVersion++;
        } else {
            addTombstone(entry, nowNanos);
        }
        return entry;
    }

    /** Changes an entry's identity, incarnation and status, keeping the counts right. */
    void update(MemberEntry entry, NodeId id, long incarnation, MemberStatus status, long nowNanos) {
        boolean wasLive = entry.status().isLive();
        boolean wasGone = entry.status().isGone();
        long oldSince = entry.sinceNanos();
        viewHash ^= entryHash(entry.id(), entry.incarnation(), entry.status()) ^ entryHash(id, incarnation, status);
        entry.set(id, incarnation, status, nowNanos);
        if (wasLive != status.isLive()) {
            liveCount += wasLive ? -1 : 1;
            liveSetVersion++;
        }
        if (!wasGone && status.isGone()) {
            addTombstone(entry, nowNanos);
        } else if (wasGone && !status.isGone()) {
            tombstoneCount--;
        } else if (wasGone && entry.sinceNanos() != oldSince) {
            // DEAD -> LEFT: the old queue record no longer matches; queue a fresh one
            tombstones.addLast(new Tombstone(entry.name(), id.generation(), nowNanos));
        }
    }

    /** Appends a transition to the entry's history. */
    void record(MemberEntry entry, Transition transition) {
        entry.record(transition, historyCapacity);
    }

    private void addTombstone(MemberEntry entry, long nowNanos) {
        tombstones.addLast(new Tombstone(entry.name(), entry.id().generation(), nowNanos));
        tombstoneCount++;
    }

    /**
     * Removes tombstones older than {@code ttlNanos}, and the oldest beyond the tombstone
     * limit. Returns the reaped entries' snapshots (for events), oldest first.
     */
    public List<Member> reapTombstones(long nowNanos, long ttlNanos) {
        List<Member> reaped = List.of();
        while (!tombstones.isEmpty()) {
            Tombstone head = tombstones.peekFirst();
            MemberEntry entry = byName.get(head.name());
            boolean current = entry != null && entry.status().isGone()
                    && entry.id().generation() == head.generation() && entry.sinceNanos() == head.sinceNanos();
            if (!current) {
                tombstones.pollFirst();
                continue;
            }
            boolean expired = nowNanos - head.sinceNanos() >= ttlNanos;
            if (!expired && tombstoneCount <= maxTombstones) {
                break;
            }
            tombstones.pollFirst();
            remove(entry);
            if (reaped.isEmpty()) {
                reaped = new ArrayList<>();
            }
            reaped.add(entry.snapshot());
        }
        return reaped;
    }

    /** Earliest time a tombstone expires, or {@code Long.MAX_VALUE}. */
    public long nextReapNanos(long ttlNanos) {
        Tombstone head = tombstones.peekFirst();
        return head == null ? Long.MAX_VALUE : head.sinceNanos() + ttlNanos;
    }

    private void remove(MemberEntry entry) {
        byName.remove(entry.name());
        viewHash ^= entryHash(entry.id(), entry.incarnation(), entry.status());
        int index = entry.index;
        MemberEntry last = entries.remove(entries.size() - 1);
        if (last != entry) {
            entries.set(index, last);
            last.index = index;
        }
        if (entry.status().isLive()) {
            liveCount--;
            liveSetVersion++;
        } else {
            tombstoneCount--;
        }
    }
}
