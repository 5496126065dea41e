package io.grapevine.core.repair;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entries that won at this node through Merkle repair, by range and by the co-replica that sent
 * them, for the per-hop counts of a ring repair ({@link RingRepair}): a running total per
 * (range, peer), and a mark of that total where the peer's opening of the range (its root sent
 * here) was first heard since the mark was last taken. Ordered maps, so nothing depends on hash
 * order. Confined to the node's thread; bounded by ranges times co-replicas ({@link #retain}).
 */
final class RepairTally {
    private final Map<Integer, Map<String, Long>> totals = new TreeMap<>();
    private final Map<Integer, Map<String, Long>> marks = new TreeMap<>();

    /** One entry of {@code range}, sent by {@code peer}, won here. */
    void applied(int range, String peer) {
        totals.computeIfAbsent(range, r -> new TreeMap<>()).merge(peer, 1L, Long::sum);
    }

    /** Entries of {@code range} sent by {@code peer} that won here so far. */
    long total(int range, String peer) {
        return totals.getOrDefault(range, Map.of()).getOrDefault(peer, 0L);
    }

    /** {@code peer} opened a repair of {@code range} with this node: marks the total, unless a mark is held. */
    void opened(int range, String peer) {
        marks.computeIfAbsent(range, r -> new TreeMap<>()).putIfAbsent(peer, total(range, peer));
    }

    /**
     * The entries of {@code range} from {@code peer} that won here since the peer's marked
     * opening (0 with no mark), and forgets the mark.
     */
    long takeSinceOpened(int range, String peer) {
        Map<String, Long> byPeer = marks.getOrDefault(range, Map.of());
        Long mark = byPeer.remove(peer);
        return mark == null ? 0 : total(range, peer) - mark;
    }

    /** Forgets the peers of {@code range} that are not among {@code replicas} (all of them when it is empty). */
    void retain(int range, List<String> replicas) {
        for (Map<Integer, Map<String, Long>> table : List.of(totals, marks)) {
            Map<String, Long> byPeer = table.get(range);
            if (byPeer != null) {
                byPeer.keySet().retainAll(replicas);
                if (byPeer.isEmpty()) {
                    table.remove(range);
                }
            }
        }
    }
}
