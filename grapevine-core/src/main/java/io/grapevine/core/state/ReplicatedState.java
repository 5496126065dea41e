package io.grapevine.core.state;

import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.TextLimits;
import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node's copy of the cluster's replicated key/value state (Scuttlebutt): its own keys,
 * which only it writes, and what it has learned of every other owner's, per owner life.
 *
 * <p>Invariants: a held entry's version never goes backwards; only this node writes its own
 * keys, each write or delete taking the next version of its owner-wide counter; owners are
 * iterated in name order, so digests and deltas are deterministic. Not thread-safe.
 */
public final class ReplicatedState {
    private final NodeId self;
    private final StateConfig config;
    private final TreeMap<String, OwnerState> owners = new TreeMap<>();
    private final OwnerState local;
    private final TtlSchedule ttls = new TtlSchedule();
    private long localVersion;
    private long droppedEntries;
    private String watchedKey = "";
    private long watchedChanges;
    private long appliedChanges;

    /** Holds only this node's (empty) state. */
    public ReplicatedState(NodeId self, StateConfig config) {
        this.self = self;
        this.config = config;
        this.local = new OwnerState(self);
        owners.put(self.name(), local);
    }

    /** The limits this state enforces. */
    public StateConfig config() {
        return config;
    }

    /** The owner whose keys this node writes: itself. */
    public NodeId self() {
        return self;
    }

    /**
     * Writes {@code key} of this node. Visible here at once; spreads by rumor, direct mail or
     * anti-entropy.
     *
     * @param ttlNanos 0 for none; otherwise the key is deleted after this long
     * @throws IllegalArgumentException if the key or value exceeds its limit, or the node
     *                                  already holds {@code maxKeysPerNode} entries
     */
    public KeyChange put(String key, byte[] value, KeyPriority priority, long ttlNanos, long nowNanos) {
        checkKey(key);
        if (value.length > config.maxValueBytes()) {
            throw new IllegalArgumentException("value of " + value.length + " bytes exceeds maxValueBytes ("
                    + config.maxValueBytes() + ")");
        }
        if (ttlNanos < 0) {
            throw new IllegalArgumentException("ttlNanos must be >= 0: " + ttlNanos);
        }
        KeyPriority held = local.classOf(key);
        if (held == null && local.size() >= config.maxKeysPerNode()) {
            throw new IllegalArgumentException("this node already holds maxKeysPerNode ("
                    + config.maxKeysPerNode() + ") keys");
        }
        VersionedEntry old = local.get(key);
        if (held != null && held != priority && !old.tombstone()) {
            // moving classes: delete from the old stream so peers drop it there
            local.stream(held).put(new VersionedEntry(key, Bytes.EMPTY, ++localVersion, true), nowNanos);
        }
        VersionedEntry entry = new VersionedEntry(key, Bytes.copyOf(value), ++localVersion, false);
        local.stream(priority).put(entry, nowNanos);
        if (ttlNanos > 0) {
            ttls.schedule(key, entry.version(), nowNanos + ttlNanos);
        }
        return change(self, old, entry);
    }

    /** Deletes {@code key} of this node (writes a tombstone); empty if it holds no such live key. */
    public Optional<KeyChange> delete(String key, long nowNanos) {
        checkKey(key);
        KeyPriority held = local.classOf(key);
        VersionedEntry old = local.get(key);
        if (held == null || old.tombstone()) {
            return Optional.empty();
        }
        VersionedEntry tombstone = new VersionedEntry(key, Bytes.EMPTY, ++localVersion, true);
        local.stream(held).put(tombstone, nowNanos);
        return Optional.of(change(self, old, tombstone));
    }

    /** Deletes this node's keys whose TTL has passed; returns the changes. */
    public List<KeyChange> expire(long nowNanos) {
        List<KeyChange> changes = new ArrayList<>();
        for (TtlSchedule.Due due : ttls.due(nowNanos)) {
            VersionedEntry current = local.get(due.key());
            if (current != null && current.version() == due.version() && !current.tombstone()) {
                delete(due.key(), nowNanos).ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** When {@link #expire} next has work, or {@code Long.MAX_VALUE}. */
    public long nextExpiryNanos() {
        return ttls.nextNanos();
    }

    /** Forgets tombstones older than the grace period; returns how many. */
    public int collectGarbage(long nowNanos) {
        int collected = 0;
        for (OwnerState owner : owners.values()) {
            for (KeyPriority priority : KeyPriority.values()) {
                collected += owner.stream(priority).collectGarbage(nowNanos, config.tombstoneGraceNanos());
            }
        }
        return collected;
    }

    /** The live value of {@code owner}'s {@code key}, if held. */
    public Optional<Bytes> get(String owner, String key) {
        OwnerState state = owners.get(owner);
        VersionedEntry entry = state == null ? null : state.get(key);
        return entry == null || entry.tombstone() ? Optional.empty() : Optional.of(entry.value());
    }

    /** The newest entry (live or tombstone) held for {@code owner}'s {@code key}. */
    public Optional<VersionedEntry> entry(String owner, String key) {
        OwnerState state = owners.get(owner);
        return Optional.ofNullable(state == null ? null : state.get(key));
    }

    /** This node's digest: a row per owner and class it holds anything of. */
    public Digest digest() {
        List<DigestEntry> rows = new ArrayList<>();
        for (OwnerState owner : owners.values()) {
            for (KeyPriority priority : KeyPriority.values()) {
                KeyStream stream = owner.stream(priority);
                if (stream.maxVersion() > 0 || stream.gcVersion() > 0) {
                    rows.add(new DigestEntry(owner.owner(), priority, stream.maxVersion(), stream.gcVersion()));
                }
            }
        }
        return new Digest(rows);
    }

    /** What a peer with {@code peer} digest lacks, cut to {@code budgetBytes} by {@code policy}. */
    public Delta delta(Digest peer, int budgetBytes, DeltaPolicy policy, RandomSource random) {
        return DeltaBuilder.build(owners.values(), peer, budgetBytes, policy, random);
    }

    /** Applies a peer's delta; returns a verdict per part and the key changes it made. */
    public ApplyResult apply(Delta delta, long nowNanos) {
        DeltaApplier applier = new DeltaApplier(self, config, owners, nowNanos);
        List<ApplyVerdict> verdicts = new ArrayList<>(delta.parts().size());
        for (DeltaPart part : delta.parts()) {
            verdicts.add(applier.apply(part));
        }
        droppedEntries += applier.dropped();
        appliedChanges += applier.changes().size();
        if (!watchedKey.isEmpty()) {
            for (KeyChange change : applier.changes()) {
                if (change.key().equals(watchedKey)) {
                    watchedChanges++;
                }
            }
        }
        return new ApplyResult(verdicts, applier.changes());
    }

    /**
     * Counts from now on every change a peer's delta makes to any owner's {@code key} (read with
     * {@link #watchedChanges()}): how a protocol key (a member's published zone) is noticed
     * without scanning every owner.
     */
    public void watch(String key) {
        this.watchedKey = key;
    }

    /** Key changes applied from peers' deltas so far (any owner, any key): tells whether a delta taught this node anything. */
    public long appliedChanges() {
        return appliedChanges;
    }

    /** Changes applied from peers to the {@link #watch watched} key so far, any owner. */
    public long watchedChanges() {
        return watchedChanges;
    }

    /** The class stream holding {@code owner}'s {@code key}, CONTROL if none. */
    public KeyPriority priorityOf(String owner, String key) {
        OwnerState state = owners.get(owner);
        KeyPriority priority = state == null ? null : state.classOf(key);
        return priority == null ? KeyPriority.CONTROL : priority;
    }

    /** Whether {@code owner}'s stream {@code priority} holds an entry (value or tombstone) for {@code key}. */
    public boolean holds(String owner, String key, KeyPriority priority) {
        OwnerState state = owners.get(owner);
        return state != null && state.stream(priority).get(key) != null;
    }

    /**
     * A one-entry part carrying {@code owner}'s current entry for {@code key}, as a rumor or
     * direct mail: it starts at the version just below the entry in its stream, so only a
     * receiver holding everything before it applies it.
     */
    public DeltaPart partFor(String owner, String key, KeyPriority priority) {
        OwnerState state = owners.get(owner);
        KeyStream stream = state.stream(priority);
        VersionedEntry entry = stream.get(key);
        long from = stream.versionBefore(entry.version());
        return new DeltaPart(state.owner(), priority, false, from, stream.gcVersion(), entry.version(),
                entry.version() == stream.maxVersion(), List.of(entry));
    }

    /**
     * An upper bound of the entries a peer with digest {@code peer} lacks: the sum of its
     * version lags (resets counted whole). Costs O(owners), never a walk over entries.
     */
    public long missingEntries(Digest peer) {
        return DeltaBuilder.lag(owners.values(), peer);
    }

    /** Forgets an owner whose member was reaped from the member table. */
    public void forget(String owner) {
        if (!owner.equals(self.name())) {
            owners.remove(owner);
        }
    }

    /** This node's owner-wide version counter: the summary of everything it wrote. */
    public long localVersion() {
        return localVersion;
    }

    /** The highest version held of {@code owner}, 0 if none. */
    public long maxVersion(String owner) {
        OwnerState state = owners.get(owner);
        return state == null ? 0 : state.maxVersion();
    }

    /** Remote entries dropped because an owner exceeded {@code maxKeysPerNode}. */
    public long droppedEntries() {
        return droppedEntries;
    }

    /** Live key/value pairs of {@code owner}, in key order (for snapshots and tests). */
    public Map<String, Bytes> liveEntries(String owner) {
        Map<String, Bytes> live = new TreeMap<>();
        OwnerState state = owners.get(owner);
        if (state != null) {
            for (KeyPriority priority : KeyPriority.values()) {
                for (VersionedEntry entry : state.stream(priority).all()) {
                    VersionedEntry newest = state.get(entry.key());
                    if (newest == entry && !entry.tombstone()) {
                        live.put(entry.key(), entry.value());
                    }
                }
            }
        }
        return live;
    }

    private void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (!TextLimits.isWellFormed(key)) {
            throw new IllegalArgumentException("key must not contain an unpaired surrogate");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxKeyBytes()) {
            throw new IllegalArgumentException("key of " + bytes + " bytes exceeds maxKeyBytes ("
                    + config.maxKeyBytes() + ")");
        }
    }

    static KeyChange change(NodeId owner, VersionedEntry old, VersionedEntry entry) {
        return new KeyChange(owner, entry.key(), old == null ? 0 : old.version(), entry.version(), entry.value(),
                entry.tombstone());
    }
}
