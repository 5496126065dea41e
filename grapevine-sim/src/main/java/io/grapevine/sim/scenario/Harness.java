package io.grapevine.sim.scenario;

import io.grapevine.core.NodeMetrics;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.measure.FalsePositives;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.TrafficWindow;
import io.grapevine.sim.measure.ViewSizes;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every scenario run shares: the simulation with a false-positive counter attached,
 * starting the cluster, the warm-up to a converged cluster, the moment of injection and the
 * observation window after it, and the common measurements. One harness per run.
 */
final class Harness {
    final Simulation sim;
    final SimConfig config;
    final ScenarioConfig params;
    final FalsePositives falsePositives;
    private final String scenario;
    private final long wallStartNanos;
    private long warmupNanos = -1;
    private long injectedAtNanos;
    private long injectedAtWallNanos;
    private TrafficWindow traffic;

    Harness(String scenario, SimConfig config, ScenarioConfig params) {
        this.wallStartNanos = System.nanoTime(); // wall clock: measures the simulator only
        this.scenario = scenario;
        this.config = config;
        this.params = params;
        this.sim = new Simulation(config);
        this.falsePositives = new FalsePositives(sim);
        sim.addObserver(falsePositives);
        this.traffic = new TrafficWindow(sim);
        this.injectedAtWallNanos = wallStartNanos;
    }

    int size() {
        return sim.size();
    }

    long periodNanos() {
        return config.core().detector().probeIntervalNanos();
    }

    /**
     * Starts node 0 now and every other node at a uniformly random time within
     * {@code spreadNanos}, in time order, each joining through node 0.
     */
    void startAll(long spreadNanos) {
        long t0 = sim.nowNanos();
        sim.start(0, List.of());
        long[] keys = new long[size() - 1];
        for (int i = 1; i < size(); i++) {
            long offset = spreadNanos == 0 ? 0 : sim.scenarioRandom().nextLong(spreadNanos + 1);
            keys[i - 1] = (offset << 20) | i; // time order, ties by index; i < 2^20
        }
        Arrays.sort(keys);
        for (long key : keys) {
            sim.runUntil(t0 + (key >>> 20));
            sim.start((int) (key & 0xFFFFF), List.of(0));
        }
    }

    /**
     * Forms the cluster, then lets it settle for {@link SimConfig#settleNanos()}; returns whether
     * it converged. By default from a converged view ({@link Simulation#startConverged}, warm-up
     * 0); with {@link ScenarioConfig#coldStart()} by joins spread over
     * {@link SimConfig#joinSpreadNanos()}, run until every node sees all N alive (at most
     * {@link SimConfig#warmupLimitNanos()}).
     */
    boolean warmUp() {
        if (!params.coldStart()) {
            sim.startConverged();
            warmupNanos = 0;
            sim.runFor(config.settleNanos());
            return true;
        }
        ViewSizes sizes = new ViewSizes(sim, size(), false);
        sim.addObserver(sizes);
        startAll(config.joinSpreadNanos());
        boolean converged = sim.runUntil(sizes::all, config.warmupLimitNanos());
        warmupNanos = converged ? sizes.reachedAtNanos() : -1;
        sim.runFor(config.settleNanos());
        return converged;
    }

    /**
     * The simulator's heap in use after a full collection, divided by N: what a simulated node
     * costs in memory (its N-entry member table, its queues and state), in bytes.
     */
    long heapBytesPerNode() {
        Runtime runtime = Runtime.getRuntime();
        System.gc(); // a measurement of live data, taken once at the end of a run
        return (runtime.totalMemory() - runtime.freeMemory()) / size();
    }

    /**
     * Marks the moment of the fault: outcomes and traffic are measured from here. The fault
     * comes at a uniformly random point of a protocol period (drawn from the scenario's random),
     * not on the period's boundary, where the nodes' clock-aligned probes fall
     * ({@code ProbeSlots}): a fault at the boundary would meet a probe at once, flattering
     * detection by half a period on average.
     */
    void inject() {
        sim.runFor(sim.scenarioRandom().nextLong(periodNanos()));
        injectedAtNanos = sim.nowNanos();
        injectedAtWallNanos = System.nanoTime();
        traffic = new TrafficWindow(sim);
    }

    long injectedAtNanos() {
        return injectedAtNanos;
    }

    /** The end of the observation window: {@code periods} protocol periods after injection. */
    long windowEndNanos() {
        return injectedAtNanos + params.periods() * periodNanos();
    }

    /** A uniformly random node other than node 0 (the seed everyone joined through). */
    int pickNonSeed() {
        return 1 + sim.scenarioRandom().nextInt(size() - 1);
    }

    /** Every running node except {@code excluded} (-1 for none). */
    BitSet upNodesExcept(int excluded) {
        BitSet up = new BitSet(size());
        for (int i = 0; i < size(); i++) {
            if (i != excluded && sim.isUp(i)) {
                up.set(i);
            }
        }
        return up;
    }

    /**
     * The run's result: the outcome (reached at {@code outcomeAtNanos}, or -1 if never), the
     * common measurements, then the scenario's own ({@code extras}).
     */
    RunResult result(long outcomeAtNanos, Consumer<RunResult.Builder> extras) {
        boolean reached = outcomeAtNanos >= 0;
        return result(reached, reached ? (outcomeAtNanos - injectedAtNanos) / 1e6 : Double.NaN, extras);
    }

    /**
     * The result of a scenario without an outcome time (its outcome is a verdict, e.g. "no
     * false positives"): {@code outcome_ms} is NaN.
     */
    RunResult verdict(boolean reached, Consumer<RunResult.Builder> extras) {
        return result(reached, Double.NaN, extras);
    }

    private RunResult result(boolean reached, double outcomeMs, Consumer<RunResult.Builder> extras) {
        RunResult.Builder b = new RunResult.Builder(scenario, size(), config.seed())
                .add("outcome_ms", "ms", outcomeMs)
                .add("outcome_periods", "periods", outcomeMs / (periodNanos() / 1e6))
                .add("false_positive_pairs", "", falsePositives.pairs())
                .add("false_positive_members", "", falsePositives.members())
                .add("msgs_per_node_s", "msg/s", traffic.packetsPerNodePerSecond())
                .add("bytes_per_node_s", "B/s", traffic.bytesPerNodePerSecond())
                .add("max_rumor_queue", "", maxRumorQueue())
                .add("warmup_ms", "ms", warmupNanos < 0 ? Double.NaN : warmupNanos / 1e6);
        extras.accept(b);
        long wallEnd = System.nanoTime();
        double wallSeconds = (wallEnd - wallStartNanos) / 1e9;
        double windowWallSeconds = (wallEnd - injectedAtWallNanos) / 1e9;
        double windowPeriods = (sim.nowNanos() - injectedAtNanos) / (double) periodNanos();
        b.add("virtual_s", "s", sim.nowNanos() / 1e9)
                .add("events", "", sim.stats().events())
                .add("wall_ms", "ms", wallSeconds * 1e3)
                .add("node_periods_per_s", "/s", size() * (sim.nowNanos() / (double) periodNanos()) / wallSeconds)
                .add("window_wall_ms", "ms", windowWallSeconds * 1e3)
                .add("window_node_periods_per_s", "/s", size() * windowPeriods / windowWallSeconds);
        return b.notes(falsePositives.examples()).build(reached, sim.traceHash());
    }

    private double maxRumorQueue() {
        long max = 0;
        for (int i = 0; i < size(); i++) {
            if (sim.generation(i) > 0) {
                NodeMetrics metrics = sim.node(i).metrics();
                max = Math.max(max, metrics.maxRumorQueueLength());
            }
        }
        return max;
    }
}
