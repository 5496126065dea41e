package io.grapevine.core.state;

import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the parts of one delta to a node's owner map, collecting key changes. A part is
 * applied only if it cannot skip a version: it starts at or below our watermark, or it is a
 * reset. Entries are applied in order, so a truncated part leaves a correct watermark.
 */
final class DeltaApplier {
    private final NodeId self;
    private final StateConfig config;
    private final Map<String, OwnerState> owners;
    private final long nowNanos;
    private final List<KeyChange> changes = new ArrayList<>();
    private long dropped;
    /** True when the last {@link #store} stopped at a dropped entry: the watermark must stay below the hole. */
    private boolean stoppedAtDrop;

    DeltaApplier(NodeId self, StateConfig config, Map<String, OwnerState> owners, long nowNanos) {
        this.self = self;
        this.config = config;
        this.owners = owners;
        this.nowNanos = nowNanos;
    }

    List<KeyChange> changes() {
        return changes;
    }

    long dropped() {
        return dropped;
    }

    ApplyVerdict apply(DeltaPart part) {
        NodeId owner = part.owner();
        if (owner.name().equals(self.name())) {
            return ApplyVerdict.OWN_STATE;
        }
        OwnerState state = owners.get(owner.name());
        ApplyVerdict generation = null;
        if (state == null) {
            if (owners.size() >= config.maxOwners()) {
                return ApplyVerdict.TOO_MANY_OWNERS;
            }
            state = new OwnerState(owner);
            owners.put(owner.name(), state);
        } else if (owner.generation() < state.owner().generation()) {
            return ApplyVerdict.STALE_GENERATION;
        } else if (owner.generation() > state.owner().generation()) {
            retire(state);
            state = new OwnerState(owner);
            owners.put(owner.name(), state);
            generation = ApplyVerdict.NEW_GENERATION;
        }
        KeyStream stream = state.stream(part.priority());
        if (part.reset() && !part.complete()) {
            // never half-apply a reset: keys not yet resent would vanish for a while
            return generation != null ? generation : ApplyVerdict.INCOMPLETE_RESET;
        }
        if (part.reset() && part.maxVersion() < stream.maxVersion()) {
            // a reset cut against an older digest of ours: we are already past it
            return generation != null ? generation : ApplyVerdict.NOTHING_NEW;
        }
        if (part.reset()) {
            reset(state, stream, part);
            return generation != null ? generation : ApplyVerdict.RESET;
        }
        if (part.fromVersion() > stream.maxVersion()) {
            return generation != null ? generation : ApplyVerdict.GAP;
        }
        boolean changed = store(state, stream, part.entries(), Map.of());
        if (part.complete() && !stoppedAtDrop) {
            stream.advanceTo(part.maxVersion());
        }
        if (generation != null) {
            return generation;
        }
        return changed ? ApplyVerdict.APPLIED : ApplyVerdict.NOTHING_NEW;
    }

    /**
     * Stores {@code entries} in order. {@code cleared} holds what a reset just dropped from the
     * stream: an entry it gets back unchanged is no change.
     */
    private boolean store(OwnerState state, KeyStream stream, List<VersionedEntry> entries,
                          Map<String, VersionedEntry> cleared) {
        boolean changed = false;
        stoppedAtDrop = false;
        for (VersionedEntry entry : entries) {
            if (entry.version() <= stream.maxVersion()) {
                continue;
            }
            VersionedEntry before = newer(state.get(entry.key()), cleared.get(entry.key()));
            if (stream.get(entry.key()) == null && state.size() >= config.maxKeysPerNode()) {
                dropped++;
                // a hole would follow: stop here so the watermark stays truthful
                stoppedAtDrop = true;
                return changed;
            }
            VersionedEntry replaced = stream.put(entry, nowNanos);
            if (replaced != null) {
                changed = true;
                if (before == null || before.version() < entry.version()) {
                    changes.add(ReplicatedState.change(state.owner(), before, entry));
                }
            }
        }
        return changed;
    }

    private void reset(OwnerState state, KeyStream stream, DeltaPart part) {
        Set<String> before = new HashSet<>();
        for (VersionedEntry entry : stream.all()) {
            if (!entry.tombstone()) {
                before.add(entry.key());
            }
        }
        List<VersionedEntry> previous = new ArrayList<>(stream.all());
        Map<String, VersionedEntry> cleared = new HashMap<>();
        for (VersionedEntry old : previous) {
            cleared.put(old.key(), old);
        }
        stream.clear();
        stream.gcVersion(part.gcVersion());
        store(state, stream, part.entries(), cleared);
        if (!stoppedAtDrop) {
            stream.advanceTo(part.maxVersion());
        }
        for (VersionedEntry old : previous) {
            if (before.contains(old.key()) && stream.get(old.key()) == null) {
                // deleted while we were away; its tombstone was already forgotten
                changes.add(new KeyChange(state.owner(), old.key(), old.version(), part.maxVersion(),
                        io.grapevine.core.base.Bytes.EMPTY, true));
            }
        }
    }

    private static VersionedEntry newer(VersionedEntry a, VersionedEntry b) {
        return a == null || (b != null && b.version() > a.version()) ? b : a;
    }

    private void retire(OwnerState old) {
        for (KeyPriority priority : KeyPriority.values()) {
            for (VersionedEntry entry : old.stream(priority).all()) {
                if (!entry.tombstone() && old.get(entry.key()) == entry) {
                    changes.add(new KeyChange(old.owner(), entry.key(), entry.version(), entry.version(),
                            io.grapevine.core.base.Bytes.EMPTY, true));
                }
            }
        }
    }
}
