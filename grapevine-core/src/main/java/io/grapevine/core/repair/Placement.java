package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Hash64;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.ring.HashRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash ring of the live members (alive or suspect) as this node sees them, rebuilt when
 * the live set changes, and what changed: the ranges this node replicates whose replica set
 * is new. Confined to the node's thread.
 */
final class Placement {
    private final KeyspaceConfig config;
    private final String self;
    private final MemberTable table;
    private HashRing ring;
    private long signature;

    Placement(KeyspaceConfig config, String self, MemberTable table) {
        this.config = config;
        this.self = self;
        this.table = table;
    }

    /**
     * Rebuilds the ring if the live set changed since the last call; returns, by co-replica
     * (in name order), the ranges this node replicates whose replica set changed and that this
     * node should repair with that co-replica: on the first call every range it replicates
     * (it had no view before, and may hold data placed by an older one); then, of the ranges
     * whose replicas differ, those where the co-replica is new (it may hold nothing, or come
     * back from a restart its peers never noticed) or, where both were replicas before, the
     * co-replica's name is greater (both ends see that change, and one repair gives both the
     * union). Of the eligible co-replicas of a range only the first in ring order is taken:
     * one repair gives both ends the union, and repairing with every co-replica at once would
     * bring the same missing entries once from each (the periodic repair reaches the others).
     * A range this node replicated before and no longer does is handed off: repaired with the
     * first of its new replicas, so that entries this node alone holds (acknowledged while a
     * partition made it a replica) reach the members that now serve the range. Not from a ring
     * of this node alone (its ring before it joined): a repair gives both ends the
     * union, so that hand-off would pull almost every range to a joiner. Empty when nothing
     * changed.
     */
    Map<String, List<Integer>> refresh() {
        List<String> live = new ArrayList<>();
        long sum = 0;
        for (MemberEntry entry : table.entries()) {
            if (entry.status().isLive()) {
                live.add(entry.name());
                sum += Hash64.mix(Hash64.of(entry.name()));
            }
        }
        long now = sum * 31 + live.size();
        Map<String, List<Integer>> changed = new TreeMap<>();
        if (ring != null && now == signature) {
            return changed;
        }
        HashRing old = ring;
        ring = HashRing.of(live, config.virtualNodes(), config.partitionBits(), config.replicationFactor());
        signature = now;
        if (old == null) {
            for (int p = 0; p < ring.partitions(); p++) {
                List<String> replicas = ring.replicas(p);
                if (replicas.contains(self)) {
                    for (String peer : replicas) {
                        if (!peer.equals(self)) {
                            changed.computeIfAbsent(peer, k -> new ArrayList<>()).add(p);
                            break;
                        }
                    }
                }
            }
            return changed;
        }
        boolean wasAlone = old.members().size() == 1;
        for (int p = 0; p < ring.partitions(); p++) {
            List<String> replicas = ring.replicas(p);
            List<String> before = old.replicas(p);
            if (replicas.contains(self) && !replicas.equals(before)) {
                for (String peer : replicas) {
                    if (!peer.equals(self) && (!before.contains(peer) || self.compareTo(peer) < 0)) {
                        changed.computeIfAbsent(peer, k -> new ArrayList<>()).add(p);
                        break;
                    }
                }
            } else if (!wasAlone && before.contains(self) && !replicas.isEmpty() && !replicas.contains(self)) {
                // a range this node gave up: what it was acknowledged while a replica (in a partition, say)
                // would stay here, where no read or repair of the new replicas looks, so it is handed to them;
                // not from a lone ring (a node before its join), whose hand-off would pull almost every range
                changed.computeIfAbsent(replicas.get(0), k -> new ArrayList<>()).add(p);
            }
        }
        return changed;
    }

    HashRing ring() {
        if (ring == null) {
            refresh();
        }
        return ring;
    }

    /** Every co-replica of this node, in name order, with the ranges they share. */
    Map<String, List<Integer>> coReplicas() {
        Map<String, List<Integer>> shared = new TreeMap<>();
        HashRing current = ring();
        for (int p = 0; p < current.partitions(); p++) {
            List<String> replicas = current.replicas(p);
            if (replicas.contains(self)) {
                for (String peer : replicas) {
                    if (!peer.equals(self)) {
                        shared.computeIfAbsent(peer, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        return shared;
    }

    /** Where the live member {@code name} listens, if it is live. */
    Optional<Address> address(String name) {
        return table.find(name).filter(e -> e.status().isLive()).map(e -> e.id().address());
    }
}
