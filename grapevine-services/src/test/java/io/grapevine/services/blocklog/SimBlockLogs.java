package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.network.NetworkModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture: a simulated cluster of N nodes, each with a {@link BlockLog} on its default
 * channel, warmed up until every node sees all N alive; records every append (node, block number,
 * virtual time) in order.
 */
final class SimBlockLogs {
    static final long MS = 1_000_000L;
    static final long SECOND = 1000 * MS;

    record Appended(String node, long number, String hash, long atNanos) {
    }

    final Simulation sim;
    final List<Appended> appended = new ArrayList<>();

    SimBlockLogs(int n, long seed, double loss, BlockLogConfig config) {
        SimConfig simConfig = SimConfig.defaults().withNodes(n).withSeed(seed)
                .withNetwork(NetworkModel.defaults().withLossProbability(loss));
        sim = new Simulation(simConfig);
        BlockListener record = (node, block, at) -> appended.add(new Appended(node, block.number(),
                Block.shortHash(block.hash()), at));
        sim.installServices(name -> List.of(new BlockLog(config, record)));
        sim.start(0, List.of());
        for (int i = 1; i < n; i++) {
            sim.runFor(SECOND / n);
            sim.start(i, List.of(0));
        }
        if (!sim.runUntil(this::converged, sim.nowNanos() + 60 * SECOND)) {
            throw new IllegalStateException("the cluster did not converge in 60 s");
        }
        sim.runFor(2 * SECOND); // the takeover of the first leader ends
    }

    boolean converged() {
        for (int i = 0; i < sim.size(); i++) {
            if (sim.isUp(i) && sim.node(i).liveMemberCount() != liveCount()) {
                return false;
            }
        }
        return true;
    }

    private int liveCount() {
        int up = 0;
        for (int i = 0; i < sim.size(); i++) {
            up += sim.isUp(i) ? 1 : 0;
        }
        return up;
    }

    BlockLog log(int index) {
        return sim.service(index, BlockLog.CHANNEL, BlockLog.class);
    }

    /** The index of the one node that produces, or -1 if none or more than one does. */
    int producer() {
        int found = -1;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.isUp(i) && log(i).view().producing()) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    Optional<Block> produce(int index, String payload) {
        return sim.callService(index, BlockLog.CHANNEL, BlockLog.class,
                (log, ctx) -> log.produce(Bytes.copyOf(payload.getBytes(StandardCharsets.UTF_8)), ctx));
    }

    /** True when every running node holds exactly {@code height} blocks. */
    boolean allAt(long height) {
        for (int i = 0; i < sim.size(); i++) {
            if (sim.isUp(i) && log(i).view().height() != height) {
                return false;
            }
        }
        return true;
    }

    /** True when every running node's chain is the same as node {@code reference}'s, block by block, and valid. */
    boolean sameValidChains(int reference, long height) {
        List<Block> expected = log(reference).blocks(1, height, Integer.MAX_VALUE);
        if (expected.size() != height) {
            return false;
        }
        for (int j = 0; j < expected.size(); j++) {
            Block block = expected.get(j);
            if (!block.hashValid() || block.number() != j + 1
                    || !(j == 0 ? Block.GENESIS_HASH : expected.get(j - 1).hash()).equals(block.previousHash())) {
                return false;
            }
        }
        for (int i = 0; i < sim.size(); i++) {
            if (sim.isUp(i) && !log(i).blocks(1, height, Integer.MAX_VALUE).equals(expected)) {
                return false;
            }
        }
        return true;
    }
}
