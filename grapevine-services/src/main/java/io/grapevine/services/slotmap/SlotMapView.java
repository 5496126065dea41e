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
    private static final SlotMapView EMPTY = new SlotMapView(new String[KeySlot.SLOTS], new TreeMap<>(), 0,
            new TreeMap<>(), new TreeMap<>());

    private final String[] owners;
    private final SortedMap<String, ClusterNodeInfo> nodes;
    private final long currentEpoch;
    /** The claims ownership was resolved from: equal claims give equal owners, so a later view reuses them. */
    private final Map<String, ClaimSet> claimsResolved;
    private final Map<String, List<SlotRange>> rangesOf;

    /** One node's claims as resolution sees them. */
    private record ClaimSet(long configEpoch, List<SlotRange> claims) {
    }

    private SlotMapView(String[] owners, SortedMap<String, ClusterNodeInfo> nodes, long currentEpoch,
                        Map<String, ClaimSet> claimsResolved, Map<String, List<SlotRange>> rangesOf) {
        this.owners = owners;
        this.nodes = Collections.unmodifiableSortedMap(nodes);
        this.currentEpoch = currentEpoch;
        this.claimsResolved = claimsResolved;
        this.rangesOf = rangesOf;
    }

    /** The view of a node that knows of no claims. */
    public static SlotMapView empty() {
        return EMPTY;
    }

    /** Resolves {@code announcements} (by member name, the viewer's own included) into a view. */
    static SlotMapView resolve(Map<String, Announcement> announcements) {
        return resolve(announcements, EMPTY);
    }

    /**
     * Resolves {@code announcements} into a view, reusing {@code previous}'s slot owners when no
     * claim or config epoch changed since (a PFAIL set or an offset changes far more often).
     */
    static SlotMapView resolve(Map<String, Announcement> announcements, SlotMapView previous) {
        Map<String, ClaimSet> claims = new TreeMap<>();
        long current = 0;
        for (Map.Entry<String, Announcement> entry : announcements.entrySet()) {
            Announcement a = entry.getValue();
            current = Math.max(current, Math.max(a.currentEpoch(), a.configEpoch()));
            if (!a.claims().isEmpty()) {
                claims.put(entry.getKey(), new ClaimSet(a.configEpoch(), a.claims()));
            }
        }
        String[] owners;
        Map<String, List<SlotRange>> rangesOf;
        if (claims.equals(previous.claimsResolved)) {
            owners = previous.owners;
            rangesOf = previous.rangesOf;
        } else {
            owners = ownersOf(claims);
            rangesOf = rangesOf(owners);
        }
        int quorum = rangesOf.size() / 2 + 1;
        Map<String, Integer> reports = new TreeMap<>();
        for (String owner : rangesOf.keySet()) {
            Announcement reporter = announcements.get(owner);
            if (reporter != null) {
                for (String flagged : reporter.pfail()) {
                    if (!flagged.equals(owner)) {
                        reports.merge(flagged, 1, Integer::sum);
                    }
                }
            }
        }
        SortedMap<String, ClusterNodeInfo> nodes = new TreeMap<>();
        for (Map.Entry<String, Announcement> entry : announcements.entrySet()) {
            String name = entry.getKey();
            Announcement a = entry.getValue();
            int count = reports.getOrDefault(name, 0);
            nodes.put(name, new ClusterNodeInfo(name, a.configEpoch(), rangesOf.getOrDefault(name, List.of()),
                    a.master().isEmpty() ? Optional.empty() : Optional.of(a.master()), a.replicationOffset(),
                    !rangesOf.isEmpty() && count >= quorum, count));
        }
        return new SlotMapView(owners, nodes, current, claims, rangesOf);
    }

    /** Each slot's winner: the highest config epoch, then (names ascending) the lower name. */
    private static String[] ownersOf(Map<String, ClaimSet> claims) {
        String[] owners = new String[KeySlot.SLOTS];
        long[] epochs = new long[KeySlot.SLOTS];
        for (Map.Entry<String, ClaimSet> entry : claims.entrySet()) {
            long epoch = entry.getValue().configEpoch();
            for (SlotRange range : entry.getValue().claims()) {
                for (int slot = range.first(); slot <= range.last(); slot++) {
                    if (owners[slot] == null || epoch > epochs[slot]) {
                        owners[slot] = entry.getKey();
                        epochs[slot] = epoch;
                    }
                }
            }
        }
        return owners;
    }

    private static Map<String, List<SlotRange>> rangesOf(String[] owners) {
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
        Map<String, List<SlotRange>> ranges = new TreeMap<>();
        slotsOf.forEach((owner, set) -> ranges.put(owner, SlotRange.fromBits(set)));
        return Collections.unmodifiableMap(ranges);
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
