package io.grapevine.agent.example;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.service.Service;
import io.grapevine.services.blocklog.Block;
import io.grapevine.services.blocklog.BlockLog;
import io.grapevine.services.blocklog.BlockLogConfig;
import io.grapevine.services.blocklog.BlockLogStats;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.network.NetworkModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One measurement of the block log in the simulator: N nodes on the LAN network with datagram
 * loss, one {@link BlockLog} per {@link SpreadMode} on every node (each on its own channel, so the
 * modes share one warm-up and see the same network), a converged cluster (every node sees N
 * alive, then 5 s to settle and the first leader's takeover), then {@code blocks} blocks produced
 * by each mode's leader {@code gapNanos} apart, and the run continues until every block reached
 * every node or {@code tailNanos} after the last one. A mode's cost is counted from its first block
 * until its last block reached every node (or the tail ran out), so a slow mode does not bill the
 * others for its tail.
 * Deterministic: the seed fixes the trace. Single-threaded.
 */
final class BlockLogSimulation {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;
    private static final long STEP = 100 * MS;

    /** What one run measured. */
    record Result(List<SpreadFigures> figures, long warmupNanos, long windowNanos, long traceHash) {
    }

    private final int nodes;
    private final double loss;
    private final long seed;
    private final List<SpreadMode> modes;
    private final BlockLogConfig base;

    BlockLogSimulation(int nodes, double loss, long seed, List<SpreadMode> modes, BlockLogConfig base) {
        this.nodes = nodes;
        this.loss = loss;
        this.seed = seed;
        this.modes = List.copyOf(modes);
        this.base = base;
    }

    Result run(int blocks, long gapNanos, long tailNanos) {
        Simulation sim = new Simulation(SimConfig.defaults().withNodes(nodes).withSeed(seed)
                .withNetwork(NetworkModel.defaults().withLossProbability(loss)));
        Map<SpreadMode, BlockSpread> spreads = new EnumMap<>(SpreadMode.class);
        for (SpreadMode mode : modes) {
            spreads.put(mode, new BlockSpread(nodes, blocks));
        }
        sim.installServices(name -> {
            List<Service> logs = new ArrayList<>();
            for (SpreadMode mode : modes) {
                logs.add(new BlockLog(mode.channel(), mode.config(base), spreads.get(mode)));
            }
            return logs;
        });
        long warmup = warmUp(sim);
        sim.runFor(5 * SECOND);
        for (SpreadMode mode : modes) {
            if (!runUntil(sim, () -> log(sim, 0, mode).view().producing(), 30 * SECOND)) {
                throw new IllegalStateException(mode + ": node-0 did not become the producing leader in 30 s");
            }
        }
        Map<SpreadMode, List<BlockLogStats>> before = stats(sim);
        long start = sim.nowNanos();
        for (int b = 1; b <= blocks; b++) {
            for (SpreadMode mode : modes) {
                Optional<Block> block = sim.callService(0, mode.channel(), BlockLog.class, (log, ctx) ->
                        log.produce(Bytes.copyOf("transaction batch".getBytes(StandardCharsets.UTF_8)), ctx));
                spreads.get(mode).produced(block.orElseThrow().number(), sim.nowNanos());
            }
            if (b < blocks) {
                sim.runFor(gapNanos);
            }
        }
        // each mode's cost is counted until its own last block reached every node (or the tail ran out)
        Map<SpreadMode, List<BlockLogStats>> after = new EnumMap<>(SpreadMode.class);
        long end = sim.nowNanos() + tailNanos;
        while (true) {
            for (SpreadMode mode : modes) {
                if (!after.containsKey(mode) && spreads.get(mode).complete()) {
                    after.put(mode, stats(sim, mode));
                }
            }
            if (after.size() == modes.size() || sim.nowNanos() >= end) {
                break;
            }
            sim.runFor(STEP);
        }
        for (SpreadMode mode : modes) {
            after.computeIfAbsent(mode, m -> stats(sim, m));
        }
        List<SpreadFigures> figures = new ArrayList<>();
        for (SpreadMode mode : modes) {
            figures.add(SpreadFigures.of(mode, spreads.get(mode), before.get(mode), after.get(mode), blocks));
        }
        return new Result(figures, warmup, sim.nowNanos() - start, sim.traceHash());
    }

    private long warmUp(Simulation sim) {
        sim.start(0, List.of());
        long spread = SimConfig.defaults().joinSpreadNanos();
        for (int i = 1; i < nodes; i++) {
            sim.runUntil(i * spread / nodes);
            sim.start(i, List.of(0));
        }
        if (!runUntil(sim, () -> converged(sim), 300 * SECOND)) {
            throw new IllegalStateException("the cluster did not converge in 300 s of virtual time");
        }
        return sim.nowNanos();
    }

    private boolean converged(Simulation sim) {
        for (int i = 0; i < nodes; i++) {
            if (sim.node(i).liveMemberCount() != nodes) {
                return false;
            }
        }
        return true;
    }

    /** Runs in 100 ms steps until {@code done} or {@code limitNanos} have passed; returns {@code done}. */
    private static boolean runUntil(Simulation sim, java.util.function.BooleanSupplier done, long limitNanos) {
        long end = sim.nowNanos() + limitNanos;
        while (!done.getAsBoolean()) {
            if (sim.nowNanos() >= end) {
                return false;
            }
            sim.runFor(STEP);
        }
        return true;
    }

    private Map<SpreadMode, List<BlockLogStats>> stats(Simulation sim) {
        Map<SpreadMode, List<BlockLogStats>> all = new EnumMap<>(SpreadMode.class);
        for (SpreadMode mode : modes) {
            all.put(mode, stats(sim, mode));
        }
        return all;
    }

    private List<BlockLogStats> stats(Simulation sim, SpreadMode mode) {
        List<BlockLogStats> list = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            list.add(log(sim, i, mode).stats());
        }
        return list;
    }

    private static BlockLog log(Simulation sim, int index, SpreadMode mode) {
        return sim.service(index, mode.channel(), BlockLog.class);
    }
}
