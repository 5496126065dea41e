package io.grapevine.services.slotmap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node's resolved picture of the cluster, Redis's {@code CLUSTER NODES}/{@code CLUSTER SHARDS}
 * as a value: which node owns each of the 16,384 slots, and each node's epoch, role, offset and
 * failure state.
 *
 * <p>Resolution (the same function on every node, so equal inputs give equal views): a slot goes
 * to the claim with the highest config epoch; between equal epochs, to the node whose name sorts
 * lower (the node that wins once Redis's epoch-collision rule has run, see {@link SlotMap}). A node
 * is FAIL when more than half of the slot owners (nodes owning at least one slot here, itself
 * included in the count) other than itself flag it PFAIL, Redis's {@code needed_quorum}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlotMapView {
    private static final SlotMapView EMPTY = new SlotMapView(new String[KeySlot.SLOTS], new TreeMap<>(), 0);

    private final String[] owners;
    private final SortedMap<String, ClusterNodeInfo> nodes;
    private final long currentEpoch;

    private SlotMapView(String[] owners, SortedMap<String, ClusterNodeInfo> nodes, long currentEpoch) {
        this.owners = owners;
        this.nodes = Collections.unmodifiableSortedMap(nodes);
        this.currentEpoch = currentEpoch;
    }

    /** The view of a node that knows of no claims. */
    public static SlotMapView empty() {
        return EMPTY;
    }

    /** Resolves {@code announcements} (by member name, the viewer's own included) into a view. */
    static SlotMapView resolve(Map<String, Announcement> announcements) {
        String[] owners = new String[KeySlot.SLOTS];
        long[] epochs = new long[KeySlot.SLOTS];
        long current = 0;
        for (Map.Entry<String, Announcement> entry : new TreeMap<>(announcements).entrySet()) {
            String name = entry.getKey();
            Announcement a = entry.getValue();
            current = Math.max(current, Math.max(a.currentEpoch(), a.configEpoch()));
            for (SlotRange range : a.claims()) {
                for (int slot = range.first(); slot <= range.last(); slot++) {
                    // names arrive ascending, so an equal epoch keeps the lower name
                    if (owners[slot] == null || a.configEpoch() > epochs[slot]) {
                        owners[slot] = name;
                        epochs[slot] = a.configEpoch();
                    }
                }
            }
        }
        Map<String, BitSet> slotsOf = new TreeMap<>();
        String previous = null;
        BitSet bits = null;
        for (int slot = 0; slot < KeySlot.SLOTS; slot++) {
            String owner = owners[slot];
            if (owner != null) {
                if (owner != previous) { // same instance for a run of one owner's slots
                    bits = slotsOf.computeIfAbsent(owner, k -> new BitSet());
                    previous = owner;
                }
                bits.set(slot);
            }
        }
        int quorum = slotsOf.size() / 2 + 1;
        SortedMap<String, ClusterNodeInfo> nodes = new TreeMap<>();
        for (Map.Entry<String, Announcement> entry : announcements.entrySet()) {
            String name = entry.getKey();
            Announcement a = entry.getValue();
            int reports = 0;
            for (String owner : slotsOf.keySet()) {
                Announcement reporter = announcements.get(owner);
                if (!owner.equals(name) && reporter.pfail().contains(name)) {
                    reports++;
                }
            }
            BitSet own = slotsOf.getOrDefault(name, new BitSet());
            nodes.put(name, new ClusterNodeInfo(name, a.configEpoch(), SlotRange.fromBits(own),
                    a.master().isEmpty() ? Optional.empty() : Optional.of(a.master()), a.replicationOffset(),
                    !slotsOf.isEmpty() && reports >= quorum, reports));
        }
        return new SlotMapView(owners, nodes, current);
    }

    /** The owner of {@code slot}, or empty when no node claims it. */
    public Optional<String> owner(int slot) {
        if (slot < 0 || slot >= KeySlot.SLOTS) {
            throw new IllegalArgumentException("slot must be in 0..16383: " + slot);
        }
        return Optional.ofNullable(owners[slot]);
    }

    /** The owner of {@code slot} or null; no checks, no allocation (the service's hot path). */
    String ownerOrNull(int slot) {
        return owners[slot];
    }

    /** The owner of {@code key}'s slot ({@link KeySlot#of(String)}). */
    public Optional<String> ownerOfKey(String key) {
        return owner(KeySlot.of(key));
    }

    /** Every node this view knows, by name. Unmodifiable. */
    public SortedMap<String, ClusterNodeInfo> nodes() {
        return nodes;
    }

    /** The node called {@code name}, if known. */
    public Optional<ClusterNodeInfo> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** The highest epoch any announcement in this view carries. */
    public long currentEpoch() {
        return currentEpoch;
    }

    /** The names of the nodes owning at least one slot, ascending. Unmodifiable. */
    public List<String> slotOwners() {
        List<String> list = new ArrayList<>();
        for (ClusterNodeInfo info : nodes.values()) {
            if (!info.ranges().isEmpty()) {
                list.add(info.name());
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Number of slots some node owns. */
    public int assignedSlots() {
        int count = 0;
        for (String owner : owners) {
            if (owner != null) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code name} is FAIL in this view. */
    public boolean isFailed(String name) {
        ClusterNodeInfo info = nodes.get(name);
        return info != null && info.failed();
    }

    /** Whether this view and {@code other} give every slot the same owner. */
    public boolean sameOwners(SlotMapView other) {
        for (int slot = 0; slot < KeySlot.SLOTS; slot++) {
            if (!java.util.Objects.equals(owners[slot], other.owners[slot])) {
                return false;
            }
        }
        return true;
    }

    /** A short multi-line rendering, one node a line, as {@code CLUSTER NODES} abbreviated. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("epoch ").append(currentEpoch).append('\n');
        for (ClusterNodeInfo info : nodes.values()) {
            text.append("  ").append(info.name()).append(info.isReplica() ? " replica-of " + info.master().get() : " master")
                    .append(" epoch ").append(info.configEpoch()).append(info.failed() ? " FAIL" : "")
                    .append(" slots ").append(info.ranges()).append('\n');
        }
        return text.toString();
    }
}
