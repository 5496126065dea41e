package io.grapevine.bench.cluster;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The soak: a converged cluster of agent processes run for a long time under a steady load,
 * every wait bounded. Once a second a random live node writes a key of its own; every fifth
 * second one fires a user event; every {@code killEveryMillis} a random node other than the seed
 * is killed (kill -9), restarted {@link #DOWN_MILLIS} later under the same name and rejoined
 * through node 0. Every {@link #SAMPLE_MILLIS} each node's RSS and CPU time are sampled. At the
 * end, with every node up, each node must list all N alive and hold every write still owed
 * ({@link SoakLedger}) within {@link #VERIFY_MILLIS}. Used by one thread; acknowledgements arrive
 * on the HTTP client's threads and are queued for it.
 */
final class Soak {
    /** How long a killed node stays down before it is restarted. */
    static final long DOWN_MILLIS = 10_000;
    /** Time between resource samples. */
    static final long SAMPLE_MILLIS = 10_000;
    /** How long the end may take to show every owed write everywhere. */
    static final long VERIFY_MILLIS = 60_000;
    private static final long TICK_MILLIS = 1_000;
    private static final int EVENT_EVERY_TICKS = 5;

    /** One resource sample of one node. */
    record Sample(double seconds, int node, long pid, double rssMib, double cpuSeconds) {
    }

    private record Ack(int writer, int epoch, String key, String value) {
    }

    private final ProcessCluster cluster;
    private final long durationMillis;
    private final long killEveryMillis;
    private final PrintWriter log;
    private final SoakLedger ledger = new SoakLedger();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final List<Sample> samples = new ArrayList<>();
    private final SplittableRandom random;
    private int[] epochs;
    private int kills;
    private long events;

    /**
     * @param durationMillis how long the load runs
     * @param killEveryMillis time between kills; 0 for none
     * @param seed the choice of writers, event origins and victims
     */
    Soak(ProcessCluster cluster, long durationMillis, long killEveryMillis, long seed, PrintWriter log) {
        this.cluster = cluster;
        this.durationMillis = durationMillis;
        this.killEveryMillis = killEveryMillis;
        this.random = new SplittableRandom(seed);
        this.log = log;
    }

    /** The resource samples taken, in time order. */
    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Runs the soak on a cluster already converged at {@code startMillis}.
     *
     * @return the figures, and the members falsely suspected and declared dead
     */
    RunOutcome run(long startMillis) throws Exception {
        int n = cluster.size();
        epochs = new int[n];
        for (int i = 0; i < n; i++) {
            ledger.started(i, startMillis - SoakLedger.GRACE_MILLIS);
        }
        long start = System.nanoTime();
        long end = start + durationMillis * 1_000_000;
        long nextKill = killEveryMillis > 0 ? start + killEveryMillis * 1_000_000 : Long.MAX_VALUE;
        long nextSample = start;
        int down = -1;
        long restartAt = Long.MAX_VALUE;
        long seq = 0;
        long maxTicks = durationMillis / TICK_MILLIS + 10;
        for (long tick = 0; System.nanoTime() < end && tick < maxTicks; tick++) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                sample((now - start) / 1e9);
                nextSample += SAMPLE_MILLIS * 1_000_000;
            }
            if (down >= 0 && now >= restartAt) {
                restart(down);
                down = -1;
                restartAt = Long.MAX_VALUE;
            }
            if (down < 0 && now >= nextKill) {
                down = 1 + random.nextInt(n - 1);
                epochs[down]++;
                ledger.killed(cluster.name(down), cluster.kill(down));
                kills++;
                restartAt = now + DOWN_MILLIS * 1_000_000;
                nextKill += killEveryMillis * 1_000_000;
            }
            write(pickLive(down), seq++);
            if (tick % EVENT_EVERY_TICKS == 0) {
                cluster.fireEvent(pickLive(down), "soak-" + tick);
                events++;
            }
            drainAcks();
            Thread.sleep(Math.max(1, TICK_MILLIS - (System.nanoTime() - now) / 1_000_000));
        }
        if (down >= 0) {
            restart(down);
        }
        sample((System.nanoTime() - start) / 1e9);
        return verdict(startMillis);
    }

    private int pickLive(int down) {
        int n = cluster.size();
        int node = random.nextInt(n);
        return node == down ? (node + 1) % n : node;
    }

    private void write(int writer, long seq) {
        String key = "soak-" + seq;
        String value = "v" + seq;
        int epoch = epochs[writer];
        cluster.put(writer, key, value).thenRun(() -> acks.add(new Ack(writer, epoch, key, value)));
    }

    private void drainAcks() {
        for (Ack ack = acks.poll(); ack != null; ack = acks.poll()) {
            if (ack.epoch() == epochs[ack.writer()]) {
                ledger.acknowledged(cluster.name(ack.writer()), ack.key(), ack.value());
            }
        }
    }

    private void restart(int node) throws Exception {
        cluster.relaunch(node);
        long at = cluster.join(node, ScenarioRunner.ROLLING_SEED);
        ledger.restarted(cluster.name(node), node, at);
    }

    private void sample(double seconds) throws Exception {
        List<ProcessHandle> processes = cluster.processes();
        for (int i = 0; i < processes.size(); i++) {
            int node = i;
            long pid = processes.get(i).pid();
            ProcStat.ofLive(processes.get(i)).ifPresent(stat ->
                    samples.add(new Sample(seconds, node, pid, stat.rssKib() / 1024.0, stat.cpuSeconds())));
        }
    }

    /** Waits for every node to list all alive and hold every owed write, then counts what is missing. */
    private RunOutcome verdict(long startMillis) throws Exception {
        long deadline = System.currentTimeMillis() + VERIFY_MILLIS;
        int n = cluster.size();
        long missing = Long.MAX_VALUE;
        int converged = 0;
        for (int round = 0; round < 1_000 && System.currentTimeMillis() < deadline; round++) {
            drainAcks();
            converged = 0;
            for (int i = 0; i < n; i++) {
                converged += cluster.aliveMembers(i) == n ? 1 : 0;
            }
            missing = missingWrites();
            if (missing == 0 && converged == n) {
                break;
            }
            Thread.sleep(1_000);
        }
        Map<BenchScenario.Metric, List<Double>> values = new EnumMap<>(BenchScenario.Metric.class);
        values.put(BenchScenario.Metric.SOAK_ACKED, List.of((double) ledger.acknowledgedCount()));
        values.put(BenchScenario.Metric.SOAK_LOST, List.of((double) missing));
        values.put(BenchScenario.Metric.SOAK_KILLS, List.of((double) kills));
        values.put(BenchScenario.Metric.SOAK_CONVERGED, List.of((double) converged));
        SoakFigures figures = SoakFigures.of(samples, n);
        values.put(BenchScenario.Metric.SOAK_RSS_MAX, List.of(figures.maxRssMib()));
        figures.rssGrowthMib().ifPresent(growth -> values.put(BenchScenario.Metric.SOAK_RSS_GROWTH, List.of(growth)));
        values.put(BenchScenario.Metric.SOAK_CPU, List.of(figures.cpuSecondsPerNodePerMinute()));
        Set<String> suspected = new HashSet<>();
        Set<String> dead = new HashSet<>();
        int gaps = 0;
        int excusedGaps = 0;
        for (Observation o : cluster.observations().snapshot()) {
            if (o.kind() == Observation.Kind.GAP) {
                boolean judged = o.atMillis() >= startMillis && ledger.judged(o.node(), "", o.atMillis());
                gaps += judged ? 1 : 0;
                excusedGaps += judged ? 0 : 1;
                continue;
            }
            if (o.kind() != Observation.Kind.STATUS || o.atMillis() < startMillis
                    || !ledger.judged(o.node(), o.subject(), o.atMillis())) {
                continue;
            }
            if (o.detail().equals("SUSPECT")) {
                suspected.add(o.subject());
            } else if (o.detail().equals("DEAD")) {
                dead.add(o.subject());
            }
        }
        values.put(BenchScenario.Metric.SOAK_GAPS, List.of((double) gaps));
        log.println(String.format(java.util.Locale.ROOT, "  soak: %d writes acknowledged, %d no longer owed (writer "
                + "killed after), %d owed missing at the end, %d events, %d kills, %d of %d nodes list all alive; "
                + "%d members falsely suspected, %d falsely declared dead; event-stream gaps: %d unexcused, %d in a "
                + "restarted node's grace", ledger.acknowledgedCount(), ledger.forgottenCount(), missing, events, kills,
                converged, n, suspected.size(), dead.size(), gaps, excusedGaps));
        return new RunOutcome(values, suspected.size(), dead.size(), missing != 0 || converged != n);
    }

    private long missingWrites() throws Exception {
        long missing = 0;
        for (Map.Entry<String, Map<String, String>> writer : ledger.owed().entrySet()) {
            for (int i = 0; i < cluster.size(); i++) {
                Map<String, String> held = cluster.keysOf(i, writer.getKey());
                for (Map.Entry<String, String> write : writer.getValue().entrySet()) {
                    if (!write.getValue().equals(held.get(write.getKey()))) {
                        missing++;
                    }
                }
            }
        }
        return missing;
    }
}
