package io.grapevine.services.slotmap;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.SimConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simulated cluster with a {@link SlotMap} on every node (the core in quorum mode), and the
 * checks the tests make of it: agreement, at most one self-believed owner per slot, epochs
 * that never go backwards.
 */
final class SlotMapSim {
    static final long MS = 1_000_000L;
    static final long SECOND = 1000 * MS;

    final Simulation sim;
    private final long[] lastCurrentEpoch;
    private final long[] lastConfigEpoch;

    SlotMapSim(int nodes, long seed, SlotMapConfig config) {
        CoreConfig core = CoreConfig.defaults().withDetector(d -> d.withQuorumFailureDetection(true));
        sim = new Simulation(SimConfig.defaults().withNodes(nodes).withSeed(seed).withCore(core));
        sim.installServices(name -> List.of(new SlotMap(config)));
        lastCurrentEpoch = new long[nodes];
        lastConfigEpoch = new long[nodes];
    }

    /** Starts every node (joining through node 0) and lets membership converge. */
    static SlotMapSim started(int nodes, long seed) {
        return started(nodes, seed, SlotMapConfig.defaults());
    }

    static SlotMapSim started(int nodes, long seed, SlotMapConfig config) {
        SlotMapSim s = new SlotMapSim(nodes, seed, config);
        s.sim.start(0, List.of());
        for (int i = 1; i < nodes; i++) {
            s.sim.runFor(10 * MS);
            s.sim.start(i, List.of(0));
        }
        s.sim.runFor(5 * SECOND);
        return s;
    }

    String name(int i) {
        return sim.name(i);
    }

    SlotMap map(int i) {
        return sim.service(i, SlotMap.CHANNEL, SlotMap.class);
    }

    SlotMapView view(int i) {
        return map(i).view();
    }

    void claim(int i, SlotRange... ranges) {
        sim.callService(i, SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> {
            m.claim(List.of(ranges), ctx);
            return null;
        });
    }

    void replicate(int i, int master) {
        sim.callService(i, SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> {
            m.replicate(name(master), ctx);
            return null;
        });
    }

    void offset(int i, long offset) {
        sim.callService(i, SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> {
            m.setReplicationOffset(offset, ctx);
            return null;
        });
    }

    /** Nodes 0..masters-1 each claim an equal share of the slots, as {@code redis-cli --cluster create} splits them. */
    void assignEvenly(int masters) {
        for (int m = 0; m < masters; m++) {
            int first = m * KeySlot.SLOTS / masters;
            int last = (m + 1) * KeySlot.SLOTS / masters - 1;
            claim(m, new SlotRange(first, last));
        }
    }

    /** Runs in steps of 100 ms until every node in {@code live} agrees and each slot has one owner, checking epochs. */
    boolean runUntilSettled(List<Integer> live, long forNanos) {
        long deadline = sim.nowNanos() + forNanos;
        while (sim.nowNanos() < deadline) {
            sim.runFor(100 * MS);
            checkEpochsMonotonic(live);
            if (settled(live)) {
                return true;
            }
        }
        return false;
    }

    /** Runs for {@code nanos}, checking epochs every 100 ms. */
    void runChecking(List<Integer> live, long nanos) {
        long deadline = sim.nowNanos() + nanos;
        while (sim.nowNanos() < deadline) {
            sim.runFor(100 * MS);
            checkEpochsMonotonic(live);
        }
    }

    /** Every node in {@code live} resolves every slot to the same owner, and that owner believes it too. */
    boolean settled(List<Integer> live) {
        SlotMapView first = view(live.get(0));
        for (int i : live) {
            if (!view(i).sameOwners(first)) {
                return false;
            }
        }
        return selfOwnersDisjoint(live) && ownersBelieveIt(live, first);
    }

    private boolean ownersBelieveIt(List<Integer> live, SlotMapView agreed) {
        for (int slot = 0; slot < KeySlot.SLOTS; slot++) {
            Optional<String> owner = agreed.owner(slot);
            if (owner.isPresent()) {
                int index = sim.indexOf(owner.get());
                if (live.contains(index) && !view(index).owner(slot).equals(owner)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** No slot is one that two of {@code live} each believe they own themselves. */
    boolean selfOwnersDisjoint(List<Integer> live) {
        String[] believed = new String[KeySlot.SLOTS];
        for (int i : live) {
            String self = name(i);
            for (SlotRange range : view(i).node(self).map(ClusterNodeInfo::ranges).orElse(List.of())) {
                for (int slot = range.first(); slot <= range.last(); slot++) {
                    if (believed[slot] != null) {
                        return false;
                    }
                    believed[slot] = self;
                }
            }
        }
        return true;
    }

    /** Throws if a node's currentEpoch or configEpoch went down since the last check. */
    void checkEpochsMonotonic(List<Integer> live) {
        for (int i : live) {
            long current = map(i).currentEpoch();
            long config = map(i).configEpoch();
            if (current < lastCurrentEpoch[i] || config < lastConfigEpoch[i]) {
                throw new AssertionError(name(i) + " epoch went backwards: current " + lastCurrentEpoch[i] + "->"
                        + current + ", config " + lastConfigEpoch[i] + "->" + config);
            }
            lastCurrentEpoch[i] = current;
            lastConfigEpoch[i] = config;
        }
    }

    static List<Integer> range(int from, int to) {
        List<Integer> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(i);
        }
        return list;
    }
}
