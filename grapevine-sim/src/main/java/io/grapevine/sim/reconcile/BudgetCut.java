package io.grapevine.sim.reconcile;

import io.grapevine.core.base.RandomSource;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts precise reconciliation's differing entries to a byte budget the way the core cuts a
 * Scuttlebutt delta, so the two are compared at equal message sizes: classes in priority order,
 * within a class one entry per owner in turn from a random owner (the core's breadth-first),
 * charging each entry {@link VersionedEntry#encodedSize()} and each owner's part
 * {@link io.grapevine.core.wire.DeltaPart#encodedHeaderSize}, as the core's delta builder does.
 */
final class BudgetCut {

    /** The entries chosen, and their encoded size as an ACK2 frame. */
    record Selection(ItemList items, List<VersionedEntry> entries, int deltaBytes) {
    }

    private final Identities ids;
    private final int budgetBytes;

    /** Cuts to {@code budgetBytes}, charging owner names from {@code ids}. */
    BudgetCut(Identities ids, int budgetBytes) {
        this.ids = ids;
        this.budgetBytes = budgetBytes;
    }

    /**
     * Chooses from {@code candidates} (grouped by owner, then class, as the scan produced them)
     * what fits in the budget; {@code source} holds the entries to send.
     */
    Selection select(ItemList candidates, VersionedEntry[] source, int[] itemOwner, byte[] itemClass,
                     RandomSource random) {
        List<int[]> segments = segments(candidates, itemOwner, itemClass); // {start, end, owner, class}
        ItemList taken = new ItemList();
        List<DeltaPart> parts = new ArrayList<>();
        List<VersionedEntry> entries = new ArrayList<>();
        int[] budget = {budgetBytes};
        for (KeyPriority priority : KeyPriority.values()) {
            List<int[]> stale = new ArrayList<>();
            for (int[] segment : segments) {
                if (segment[3] == priority.ordinal()) {
                    stale.add(segment);
                }
            }
            if (stale.isEmpty()) {
                continue;
            }
            List<ItemList> chosen = roundRobin(stale, candidates, source, budget, random);
            for (int i = 0; i < stale.size(); i++) {
                ItemList items = chosen.get(i);
                if (items.size() == 0) {
                    continue;
                }
                List<VersionedEntry> part = new ArrayList<>(items.size());
                for (int j = 0; j < items.size(); j++) {
                    taken.add(items.get(j));
                    part.add(source[items.get(j)]);
                }
                entries.addAll(part);
                part.sort(Comparator.comparingLong(VersionedEntry::version));
                parts.add(new DeltaPart(ids.id(stale.get(i)[2]), priority, false, 0, 0,
                        part.get(part.size() - 1).version(), false, part));
            }
            if (budget[0] <= 0) {
                break;
            }
        }
        int bytes = parts.isEmpty() ? 0 : WireCodec.encodeFrame(new StatePush(new Delta(parts, false))).length;
        return new Selection(taken, entries, bytes);
    }

    /**
     * One entry per stale segment in turn, from a random one, while any fits (the core's
     * breadth-first round robin); returns what was chosen of each segment, in segment order.
     */
    private List<ItemList> roundRobin(List<int[]> stale, ItemList candidates, VersionedEntry[] source, int[] budget,
                                      RandomSource random) {
        int n = stale.size();
        int start = random.nextInt(n);
        int[] cursor = new int[n];
        List<ItemList> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cursor[i] = stale.get(i)[0];
            chosen.add(new ItemList());
        }
        boolean progress = true;
        while (progress && budget[0] > 0) {
            progress = false;
            for (int j = 0; j < n; j++) {
                int i = (start + j) % n;
                int[] segment = stale.get(i);
                if (cursor[i] >= segment[1]) {
                    continue;
                }
                int item = candidates.get(cursor[i]);
                int cost = source[item].encodedSize() + (chosen.get(i).size() == 0
                        ? io.grapevine.core.wire.DeltaPart.encodedHeaderSize(ids.id(segment[2])) : 0);
                if (cost <= budget[0]) {
                    budget[0] -= cost;
                    cursor[i]++;
                    chosen.get(i).add(item);
                    progress = true;
                }
            }
        }
        return chosen;
    }

    private static List<int[]> segments(ItemList candidates, int[] itemOwner, byte[] itemClass) {
        List<int[]> segments = new ArrayList<>();
        int i = 0;
        while (i < candidates.size()) {
            int owner = itemOwner[candidates.get(i)];
            int priority = itemClass[candidates.get(i)];
            int end = i + 1;
            while (end < candidates.size() && itemOwner[candidates.get(end)] == owner
                    && itemClass[candidates.get(end)] == priority) {
                end++;
            }
            segments.add(new int[] {i, end, owner, priority});
            i = end;
        }
        return segments;
    }

    /** Bytes of a node identity on the wire: name and host (str8 each), port, generation (varint). */
    static int nodeIdBytes(NodeId id) {
        return 1 + id.name().getBytes(StandardCharsets.UTF_8).length + 1
                + id.address().host().getBytes(StandardCharsets.UTF_8).length + 2
                + PreciseReplicas.varintBytes(id.generation());
    }
}
