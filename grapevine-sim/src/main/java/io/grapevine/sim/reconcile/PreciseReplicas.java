package io.grapevine.sim.reconcile;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Precise reconciliation, the baseline Scuttlebutt is measured against (van Renesse et al.
 * 2008, §2): every exchange finds exactly the entries that differ.
 *
 * <ol>
 *   <li>SYN: the initiator's version list, one row per key it holds, grouped by owner; a row
 *       costs the key (str8) and its version (varint), a group the owner's identity and a
 *       count.</li>
 *   <li>ACK: the entries the initiator lacks or holds older, cut to the budget, and the list
 *       (key and the responder's version) of the keys the responder lacks or holds older.</li>
 *   <li>ACK2: the entries the responder asked for, cut to the budget; not sent if none.</li>
 * </ol>
 *
 * Entries are encoded with the real codec and cut with the core's size estimates
 * ({@link BudgetCut}); the order is the core's classes first, then round-robin over owners.
 * Keys are never deleted here. State is a version-indexed array per node, not per-node objects,
 * so a 64 x 64,000-entry run fits in memory.
 */
final class PreciseReplicas implements Replicas {
    private final Identities ids;
    private final int nodes;
    private final SplitMix64[] randoms;
    private final BudgetCut cut;
    private final Map<String, Integer>[] keyIndex;
    private final ItemList[][] ownerClassItems;
    private final long[] ownerVersion;
    private final int[] upToDate;
    private final long[] listBytes;
    private final int[][] heldPerOwner;
    private VersionedEntry[][] held;
    private long[][] versions;
    private VersionedEntry[] latest;
    private int[] itemOwner;
    private int[] itemKeyBytes;
    private byte[] itemClass;
    private int items;
    private final ItemList toInitiator = new ItemList();
    private final ItemList wanted = new ItemList();

    /** Empty replicas; each node's random stream is split from {@code random}. */
    @SuppressWarnings("unchecked")
    PreciseReplicas(Identities ids, int budgetBytes, SplitMix64 random) {
        this.ids = ids;
        this.nodes = ids.count();
        this.cut = new BudgetCut(ids, budgetBytes);
        this.randoms = new SplitMix64[nodes];
        this.keyIndex = new Map[nodes];
        this.ownerClassItems = new ItemList[nodes][KeyPriority.values().length];
        for (int i = 0; i < nodes; i++) {
            randoms[i] = random.split();
            keyIndex[i] = new HashMap<>();
            for (int c = 0; c < KeyPriority.values().length; c++) {
                ownerClassItems[i][c] = new ItemList();
            }
        }
        this.ownerVersion = new long[nodes];
        this.upToDate = new int[nodes];
        this.listBytes = new long[nodes];
        this.heldPerOwner = new int[nodes][nodes];
        this.held = new VersionedEntry[nodes][64];
        this.versions = new long[nodes][64];
        this.latest = new VersionedEntry[64];
        this.itemOwner = new int[64];
        this.itemKeyBytes = new int[64];
        this.itemClass = new byte[64];
    }

    @Override
    public long write(int node, String key, byte[] value, KeyPriority priority, long nowNanos) {
        Integer known = keyIndex[node].get(key);
        int item;
        if (known == null) {
            item = newItem(node, key, priority);
        } else {
            item = known;
            if (itemClass[item] != priority.ordinal()) {
                throw new IllegalArgumentException("the precise baseline does not move keys between classes: " + key);
            }
        }
        VersionedEntry entry = new VersionedEntry(key, Bytes.copyOf(value), ++ownerVersion[node], false);
        VersionedEntry previous = latest[item];
        if (previous != null) {
            for (int holder = 0; holder < nodes; holder++) {
                if (held[holder][item] == previous) {
                    upToDate[holder]--; // the writer too: store() counts it again below
                }
            }
        }
        latest[item] = entry;
        store(node, item, entry);
        return entry.version();
    }

    private int newItem(int owner, String key, KeyPriority priority) {
        int item = items++;
        if (item == latest.length) {
            int size = latest.length * 2;
            latest = Arrays.copyOf(latest, size);
            itemOwner = Arrays.copyOf(itemOwner, size);
            itemKeyBytes = Arrays.copyOf(itemKeyBytes, size);
            itemClass = Arrays.copyOf(itemClass, size);
            for (int i = 0; i < nodes; i++) {
                held[i] = Arrays.copyOf(held[i], size);
                versions[i] = Arrays.copyOf(versions[i], size);
            }
        }
        itemOwner[item] = owner;
        itemKeyBytes[item] = key.getBytes(StandardCharsets.UTF_8).length;
        itemClass[item] = (byte) priority.ordinal();
        keyIndex[owner].put(key, item);
        ownerClassItems[owner][priority.ordinal()].add(item);
        return item;
    }

    /** Stores {@code entry} at {@code node} if newer than what it holds. */
    private void store(int node, int item, VersionedEntry entry) {
        VersionedEntry old = held[node][item];
        if (old != null && old.version() >= entry.version()) {
            return;
        }
        if (old == null) {
            listBytes[node] += 1 + itemKeyBytes[item] + varintBytes(entry.version());
            heldPerOwner[node][itemOwner[item]]++;
        } else {
            listBytes[node] += varintBytes(entry.version()) - varintBytes(old.version());
        }
        held[node][item] = entry;
        versions[node][item] = entry.version();
        if (entry == latest[item]) {
            upToDate[node]++;
        }
    }

    @Override
    public void exchange(int initiator, int responder, long nowNanos, Traffic traffic) {
        traffic.message(initiator, ids.headerBytes(initiator), versionListBytes(initiator), 0, 0);
        long[] a = versions[initiator];
        long[] b = versions[responder];
        toInitiator.clear();
        wanted.clear();
        long wantBytes = 0;
        for (int owner = 0; owner < nodes; owner++) {
            int wantedBefore = wanted.size();
            for (ItemList list : ownerClassItems[owner]) {
                for (int i = 0; i < list.size(); i++) {
                    int item = list.get(i);
                    long va = a[item];
                    long vb = b[item];
                    if (vb > va) {
                        toInitiator.add(item);
                    } else if (va > vb) {
                        wanted.add(item);
                        wantBytes += 1 + itemKeyBytes[item] + varintBytes(vb);
                    }
                }
            }
            if (wanted.size() > wantedBefore) {
                wantBytes += BudgetCut.nodeIdBytes(ids.id(owner)) + varintBytes(wanted.size() - wantedBefore);
            }
        }
        BudgetCut.Selection forA = cut.select(toInitiator, held[responder], itemOwner, itemClass, randoms[responder]);
        // the want list rides in the ACK after the delta: its rows, plus a frame-level count (4 bytes allowed)
        traffic.message(responder, ids.headerBytes(responder), (int) Math.min(Integer.MAX_VALUE, wantBytes + 4),
                forA.deltaBytes(), forA.entries().size());
        for (int i = 0; i < forA.items().size(); i++) {
            store(initiator, forA.items().get(i), held[responder][forA.items().get(i)]);
        }
        if (wanted.size() > 0) {
            BudgetCut.Selection forB = cut.select(wanted, held[initiator], itemOwner, itemClass, randoms[initiator]);
            traffic.message(initiator, ids.headerBytes(initiator), 0, forB.deltaBytes(), forB.entries().size());
            for (int i = 0; i < forB.items().size(); i++) {
                store(responder, forB.items().get(i), held[initiator][forB.items().get(i)]);
            }
        }
    }

    /** Bytes of {@code node}'s version list frame: groups per owner, a row per key held. */
    private int versionListBytes(int node) {
        long bytes = 4 + listBytes[node];
        for (int owner = 0; owner < nodes; owner++) {
            int count = heldPerOwner[node][owner];
            if (count > 0) {
                bytes += BudgetCut.nodeIdBytes(ids.id(owner)) + varintBytes(count);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    @Override
    public boolean converged() {
        for (int node = 0; node < nodes; node++) {
            if (upToDate[node] != items) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean holds(int node, int owner, String key, long version) {
        Integer item = keyIndex[owner].get(key);
        return item != null && held[node][item] != null && held[node][item].version() >= version;
    }

    /** What {@code node} holds of {@code owner}'s {@code key}, for checks in tests; null if nothing. */
    VersionedEntry entry(int node, int owner, String key) {
        Integer item = keyIndex[owner].get(key);
        return item == null ? null : held[node][item];
    }

    /** Bytes of {@code value} as an unsigned LEB128 varint. */
    static int varintBytes(long value) {
        int bytes = 1;
        while ((value >>>= 7) != 0) {
            bytes++;
        }
        return bytes;
    }
}
