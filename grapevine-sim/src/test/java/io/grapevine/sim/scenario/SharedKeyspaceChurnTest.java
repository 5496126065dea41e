package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.Precedence;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.repair.SharedOpStatus;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.network.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shared keyspace under churn (issue 15 §4, §5), on the simulator's virtual clock and a
 * lossy network: writes and deletes at random nodes while nodes are killed and restarted from
 * their hosts' stores; after the faults stop, every acknowledged write (or a newer one) is on
 * every replica of its key, and every range's replicas are identical. Same seed, same trace.
 */
class SharedKeyspaceChurnTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final int NODES = 8;

    private record Run(long traceHash, int acknowledged, int kills, boolean collected) {
    }

    private static Run churn(long seed) {
        return churn(seed, 3_600 * SECOND);
    }

    private static Run churn(long seed, long graceNanos) {
        CoreConfig core = CoreConfig.local().withKeyspace(k -> k.withRepairIntervalNanos(500 * MS)
                .withTombstoneGraceNanos(graceNanos));
        SimConfig config = SimConfig.defaults().withNodes(NODES).withSeed(seed).withCore(core)
                .withNetwork(NetworkModel.defaults().withLossProbability(0.02));
        Simulation sim = new Simulation(config);
        Map<String, SharedEntry> acknowledged = new TreeMap<>();
        Map<String, Long> acknowledgedOp = new TreeMap<>();
        Map<String, Long> deletesIssued = new TreeMap<>();
        sim.addObserver(new SimObserver() {
            @Override
            public void onEvent(int node, io.grapevine.core.ClusterEvent event, long nowNanos) {
            }

            @Override
            public void onSharedOp(int node, SharedOpResult result, long nowNanos) {
                if (result.status() == SharedOpStatus.OK) {
                    SharedEntry written = result.entries().get(0);
                    SharedEntry before = acknowledged.get(written.key());
                    if (before == null || Precedence.wins(written, before)) {
                        acknowledged.put(written.key(), written);
                        acknowledgedOp.put(written.key(), result.opId());
                    }
                }
            }
        });
        sim.start(0, List.of());
        for (int i = 1; i < NODES; i++) {
            sim.start(i, List.of(0));
        }
        assertThat(sim.runUntil(() -> allSee(sim, NODES), 60 * SECOND)).isTrue();

        SplitMix64 random = sim.scenarioRandom();
        Map<Integer, Integer> downSince = new TreeMap<>();
        long op = 0;
        int kills = 0;
        for (int round = 0; round < 40; round++) {
            for (int w = 0; w < 10; w++) {
                int at = randomUp(sim, random);
                String key = "k" + random.nextInt(150);
                if (random.nextInt(10) == 0) {
                    sim.sharedDelete(at, ++op, key);
                    deletesIssued.put(key, op);
                } else {
                    sim.sharedPut(at, ++op, key, ("r" + round + "w" + w).getBytes());
                }
            }
            if (round % 6 == 3 && downSince.size() < 2) {
                int victim = 1 + random.nextInt(NODES - 1);
                if (sim.isUp(victim)) {
                    sim.kill(victim);
                    downSince.put(victim, round);
                    kills++;
                }
            }
            for (Map.Entry<Integer, Integer> down : List.copyOf(downSince.entrySet())) {
                if (round - down.getValue() >= 4) {
                    sim.restart(down.getKey(), 0);
                    downSince.remove(down.getKey());
                }
            }
            sim.runFor(300 * MS);
        }
        for (int victim : List.copyOf(downSince.keySet())) {
            sim.restart(victim, 0);
        }
        assertThat(sim.runUntil(() -> allSee(sim, NODES), sim.nowNanos() + 60 * SECOND)).isTrue();
        assertThat(sim.runUntil(() -> replicated(sim, acknowledged, acknowledgedOp, deletesIssued) && identical(sim),
                sim.nowNanos() + 60 * SECOND)).as("every acknowledged write on every replica, every range identical")
                .isTrue();
        boolean collected = false;
        for (int i = 0; i < NODES; i++) {
            for (int p = 0; p < sim.config().core().keyspace().partitions(); p++) {
                collected |= sim.node(i).shared().data().horizon(p) > 0;
            }
        }
        return new Run(sim.traceHash(), acknowledged.size(), kills, collected);
    }

    private static boolean allSee(Simulation sim, int n) {
        return IntStream.range(0, n).allMatch(i -> sim.isUp(i) && sim.node(i).liveMemberCount() == n);
    }

    private static int randomUp(Simulation sim, SplitMix64 random) {
        while (true) {
            int i = random.nextInt(NODES);
            if (sim.isUp(i)) {
                return i;
            }
        }
    }

    private static HashRing ring(Simulation sim) {
        KeyspaceConfig keyspace = sim.config().core().keyspace();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            names.add(sim.name(i));
        }
        return HashRing.of(names, keyspace.virtualNodes(), keyspace.partitionBits(), keyspace.replicationFactor());
    }

    /**
     * Every acknowledged write, or a newer entry, on every replica of its key. A key absent on a
     * replica is fine when its acknowledged write was a delete, or a delete was issued after it:
     * a delete whose coordinator died before its acknowledgement still lands, and is collected.
     */
    private static boolean replicated(Simulation sim, Map<String, SharedEntry> acknowledged,
                                      Map<String, Long> acknowledgedOp, Map<String, Long> deletesIssued) {
        HashRing ring = ring(sim);
        for (SharedEntry written : acknowledged.values()) {
            for (String replica : ring.replicas(ring.partitionOf(Keyspace.hashOf(written.key())))) {
                Optional<SharedEntry> held = sim.node(sim.indexOf(replica)).shared().local(written.key());
                boolean deletedLater = deletesIssued.getOrDefault(written.key(), 0L)
                        > acknowledgedOp.getOrDefault(written.key(), 0L);
                if (held.isEmpty() ? !(written.tombstone() || deletedLater) : Precedence.compare(held.get(), written) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean identical(Simulation sim) {
        HashRing ring = ring(sim);
        for (int p = 0; p < ring.partitions(); p++) {
            long root = 0;
            boolean first = true;
            for (String replica : ring.replicas(p)) {
                long mine = sim.node(sim.indexOf(replica)).shared().data().tree(p).root();
                if (!first && mine != root) {
                    return false;
                }
                root = mine;
                first = false;
            }
        }
        return true;
    }

    @Test
    void noAcknowledgedWriteIsLostAndEveryRangeIsIdenticalAfterKillsAndRestarts() {
        Run run = churn(11);
        assertThat(run.kills()).isGreaterThanOrEqualTo(3);
        assertThat(run.acknowledged()).isGreaterThan(100);
    }

    /**
     * With a grace of 6 s (five times a node's downtime), tombstones are collected while nodes are
     * down and come back: still no acknowledged write is lost and no deleted key comes back.
     */
    @Test
    void collectingTombstonesDuringChurnLosesNothingAndResurrectsNothing() {
        Run run = churn(13, 6 * SECOND);
        assertThat(run.acknowledged()).isGreaterThan(100);
        assertThat(run.collected()).as("some range collected its tombstones").isTrue();
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        assertThat(churn(12).traceHash()).isEqualTo(churn(12).traceHash());
    }
}
