package io.grapevine.bench.cluster;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one scenario once on a {@link ClusterUnderTest}: starts a fresh cluster, drives it, and
 * times the interval from the action (as the runner issued it) to the moment the last node
 * reported the outcome. Every wait is bounded by the timeout.
 */
final class ScenarioRunner {
    /** The member every rolling joiner joins through: node 0, as with a fixed seed list. */
    static final int ROLLING_SEED = 0;
    private final ClusterUnderTest cluster;
    private final long timeoutMillis;
    private final long settleMillis;
    private final long idleMillis;
    private final PrintWriter log;
    /** S2PAUSE: how long the runner watches for verdicts after it resumed the victim. */
    static final long PAUSE_WATCH_MILLIS = 5_000;
    /** FLOOD: how long the runner keeps counting membership changes after the flood stopped. */
    static final long FLOOD_WATCH_MILLIS = 3_000;
    /** FLOOD: how long each ping round waits for answers. */
    static final int FLOOD_PING_WAIT_MILLIS = 400;
    /** FLOOD: a node whose RSS passes this (KiB) ends the flood early, so that no system takes the machine down. */
    static final long FLOOD_RSS_CAP_KIB = 2L * 1024 * 1024;
    /** FLOOD: ping rounds before the flood, for the baseline. */
    private static final int FLOOD_BASELINE_ROUNDS = 4;
    /**
     * S2 and S2PAUSE: the fault comes at a uniformly random point of this window after the
     * settle time, so that a schedule aligned on the wall clock (Grapevine's probe slots, one
     * second) meets it at a random phase instead of whatever phase the join's end gave it.
     */
    static final long FAULT_PHASE_MILLIS = 1_000;
    /** S2PAUSE: how long the victim stays frozen. */
    private long pauseMillis = 5_000;
    /** S2: freeze the victim (SIGSTOP) instead of killing it. */
    private boolean freezeVictim;
    private int run;
    private long soakKillEveryMillis = 60_000;
    private java.nio.file.Path soakCsv;
    private java.nio.file.Path soakPlot;

    /** S2 freezes its victim (SIGSTOP: silence) instead of killing it (kill -9: its ports refuse). */
    ScenarioRunner freezingVictim(boolean freeze) {
        this.freezeVictim = freeze;
        return this;
    }

    /**
     * @param timeoutMillis how long one condition may take before the run counts as timed out
     * @param settleMillis pause after convergence before the action, so join traffic has died down
     * @param idleMillis how long S5 measures
     * @param log progress lines (stderr)
     */
    ScenarioRunner(ClusterUnderTest cluster, long timeoutMillis, long settleMillis, long idleMillis, PrintWriter log) {
        this.cluster = cluster;
        this.timeoutMillis = timeoutMillis;
        this.settleMillis = settleMillis;
        this.idleMillis = idleMillis;
        this.log = log;
    }

    /** SOAK: time between kills (0: none), and where its samples' CSV and plot go (null: nowhere). */
    ScenarioRunner soaking(long killEveryMillis, java.nio.file.Path csv, java.nio.file.Path plot) {
        this.soakKillEveryMillis = killEveryMillis;
        this.soakCsv = csv;
        this.soakPlot = plot;
        return this;
    }

    /** S2PAUSE freezes its victim for {@code millis} before it resumes it. */
    ScenarioRunner pausingFor(long millis) {
        this.pauseMillis = millis;
        return this;
    }

    RunOutcome run(BenchScenario scenario) throws Exception {
        run++;
        return switch (scenario) {
            case S1 -> join();
            case S1ROLL -> rollingJoin();
            case S2 -> failure();
            case S2PAUSE -> pause();
            case S3 -> dissemination();
            case S4 -> leave();
            case FLOOD -> flood();
            case SOAK -> soak();
            case S5 -> idle();
        };
    }

    private Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < cluster.size(); i++) {
            names.put(i, cluster.name(i));
        }
        return names;
    }

    private Set<Integer> allBut(int excluded) {
        Set<Integer> nodes = new TreeSet<>();
        for (int i = 0; i < cluster.size(); i++) {
            if (i != excluded) {
                nodes.add(i);
            }
        }
        return nodes;
    }

    private Map<Integer, Long> awaitJoined(long t0) throws InterruptedException {
        return cluster.observations().awaitAll(allBut(-1), Observations.seesLive(names(), cluster.size() - 1),
                t0 + timeoutMillis);
    }

    private RunOutcome join() throws Exception {
        cluster.startFresh(false);
        quietStart();
        long t0 = cluster.joinAll();
        Map<Integer, Long> joined = awaitJoined(t0);
        Map<BenchScenario.Metric, Double> values = new EnumMap<>(BenchScenario.Metric.class);
        List<Double> perNode = new ArrayList<>();
        joined.values().forEach(at -> perNode.add((double) (at - t0)));
        boolean timedOut = joined.size() < cluster.size();
        if (!timedOut) {
            values.put(BenchScenario.Metric.JOIN_ALL, Quantiles.of(perNode).max());
            values.put(BenchScenario.Metric.JOIN_NODE_MEDIAN, Quantiles.of(perNode).median());
        }
        return outcome(values, t0, -1, timedOut);
    }

    /**
     * S1ROLL: node 0 alone, then each next node started (not timed), told to join through node 0
     * (the clock), and awaited until every member started before it reports it live.
     */
    private RunOutcome rollingJoin() throws Exception {
        cluster.startFirst();
        RollingJoin roll = new RollingJoin();
        boolean timedOut = false;
        for (int joiner = 1; joiner < cluster.size() && !timedOut; joiner++) {
            cluster.startNext(joiner);
            quietStart();
            long t0 = cluster.join(joiner, ROLLING_SEED);
            roll.joined(joiner, t0);
            Map<Integer, Long> seen = cluster.observations().awaitAll(membersBefore(joiner),
                    Observations.firstLive(cluster.name(joiner), t0), t0 + timeoutMillis);
            timedOut = seen.size() < joiner;
            if (!timedOut) {
                roll.seenByAll(joiner, seen);
            }
        }
        return sampled(roll.figures(cluster.size() - 1), roll.firstJoinMillis(), -1, timedOut);
    }

    /** Waits until the node processes finished starting up ({@link QuietStart}); says so when they did not. */
    private void quietStart() throws Exception {
        if (!QuietStart.await(cluster.processes())) {
            log.println(cluster.system() + ": the nodes were still busy " + QuietStart.MAX_WAIT_MILLIS
                    + " ms after they started; timing anyway");
        }
    }

    private static Set<Integer> membersBefore(int joiner) {
        Set<Integer> members = new TreeSet<>();
        for (int i = 0; i < joiner; i++) {
            members.add(i);
        }
        return members;
    }

    /** Starts fresh, joins, waits for every node to see N alive and then the settle time; returns that moment. */
    private long converged() throws Exception {
        cluster.startFresh(false);
        quietStart();
        long t0 = cluster.joinAll();
        if (awaitJoined(t0).size() < cluster.size()) {
            throw new IllegalStateException(cluster.system() + " did not converge within " + timeoutMillis + " ms");
        }
        long since = System.currentTimeMillis();
        Thread.sleep(settleMillis);
        return since;
    }

    private RunOutcome failure() throws Exception {
        long since = converged();
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(FAULT_PHASE_MILLIS));
        int victim = cluster.size() / 2;
        long t0 = freezeVictim ? cluster.freeze(victim) : cluster.kill(victim);
        Map<Integer, Long> seen = cluster.observations().awaitAll(allBut(victim),
                Observations.first(Observation.Kind.STATUS, cluster.name(victim), "DEAD", t0), t0 + timeoutMillis);
        if (freezeVictim) {
            cluster.kill(victim); // a frozen process is replaced like a killed one
        }
        return timed(BenchScenario.Metric.DETECT_ALL, seen, t0, allBut(victim).size(), since, victim);
    }

    /** S2PAUSE: freeze, wait {@code pauseMillis}, resume, watch; count who declared it dead. */
    private RunOutcome pause() throws Exception {
        long since = converged();
        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(FAULT_PHASE_MILLIS));
        int victim = cluster.size() / 2;
        long t0 = cluster.freeze(victim);
        Thread.sleep(pauseMillis);
        cluster.resume(victim);
        long end = System.currentTimeMillis() + PAUSE_WATCH_MILLIS;
        Map<Integer, Long> declared = cluster.observations().awaitAll(allBut(victim),
                Observations.first(Observation.Kind.STATUS, cluster.name(victim), "DEAD", t0), end);
        Map<BenchScenario.Metric, Double> values = new EnumMap<>(BenchScenario.Metric.class);
        values.put(BenchScenario.Metric.PAUSE_DEAD_REPORTS, (double) declared.size());
        return outcome(values, since, victim, false);
    }

    private RunOutcome dissemination() throws Exception {
        long since = converged();
        int origin = 1;
        String event = "bench-event-" + run;
        long t0 = cluster.fireEvent(origin, event);
        Map<Integer, Long> events = cluster.observations().awaitAll(allBut(origin),
                Observations.first(Observation.Kind.USER, event, "", t0), t0 + timeoutMillis);
        long t1 = cluster.writeKey(origin, "bench-key", "v" + run);
        Map<Integer, Long> keys = cluster.observations().awaitAll(allBut(origin),
                Observations.first(Observation.Kind.KEY, cluster.name(origin), "", t1), t1 + timeoutMillis);
        RunOutcome first = timed(BenchScenario.Metric.EVENT_ALL, events, t0, cluster.size() - 1, since, -1);
        RunOutcome second = timed(BenchScenario.Metric.KEY_ALL, keys, t1, cluster.size() - 1, since, -1);
        Map<BenchScenario.Metric, List<Double>> values = new EnumMap<>(BenchScenario.Metric.class);
        values.putAll(first.samples());
        values.putAll(second.samples());
        return new RunOutcome(values, second.falselySuspected(), second.falselyDead(),
                first.timedOut() || second.timedOut());
    }

    private RunOutcome leave() throws Exception {
        long since = converged();
        int leaver = cluster.size() - 1;
        long t0 = cluster.leave(leaver);
        Map<Integer, Long> seen = cluster.observations().awaitAll(allBut(leaver),
                Observations.first(Observation.Kind.STATUS, cluster.name(leaver), "LEFT", t0), t0 + timeoutMillis);
        return timed(BenchScenario.Metric.LEAVE_ALL, seen, t0, allBut(leaver).size(), since, leaver);
    }

    private RunOutcome timed(BenchScenario.Metric metric, Map<Integer, Long> seen, long t0, int expected, long since,
                             int excused) {
        Map<BenchScenario.Metric, Double> values = new EnumMap<>(BenchScenario.Metric.class);
        boolean timedOut = seen.size() < expected;
        if (!timedOut) {
            values.put(metric, (double) (seen.values().stream().mapToLong(Long::longValue).max().orElse(t0) - t0));
        }
        return outcome(values, since, excused, timedOut);
    }

    /** {@link #sampled} for a run that measured one value per figure. */
    private RunOutcome outcome(Map<BenchScenario.Metric, Double> values, long since, int excused, boolean timedOut) {
        Map<BenchScenario.Metric, List<Double>> samples = new EnumMap<>(BenchScenario.Metric.class);
        values.forEach((metric, value) -> samples.put(metric, List.of(value)));
        return sampled(samples, since, excused, timedOut);
    }

    /** Counts healthy members reported suspect or dead since {@code since}; {@code excused} is the victim or leaver. */
    private RunOutcome sampled(Map<BenchScenario.Metric, List<Double>> values, long since, int excused,
                               boolean timedOut) {
        Set<String> suspected = new HashSet<>();
        Set<String> dead = new HashSet<>();
        String excusedName = excused < 0 ? "" : cluster.name(excused);
        for (Observation o : cluster.observations().snapshot()) {
            if (o.kind() != Observation.Kind.STATUS || o.atMillis() < since || o.subject().equals(excusedName)) {
                continue;
            }
            if (o.detail().equals("SUSPECT")) {
                suspected.add(o.subject());
            } else if (o.detail().equals("DEAD")) {
                dead.add(o.subject());
            }
        }
        if (timedOut) {
            log.println("  " + cluster.system() + " run " + run + " timed out after " + timeoutMillis + " ms");
        }
        return new RunOutcome(values, suspected.size(), dead.size(), timedOut);
    }

    /**
     * FLOOD: a converged cluster, a few ping rounds for the baseline, then the flood for
     * {@code idleMillis} with a ping round and an RSS sample per node after each, then a short
     * watch for membership changes.
     */
    private RunOutcome flood() throws Exception {
        converged();
        List<ProcessHandle> processes = cluster.processes();
        long[] rssBefore = new long[processes.size()];
        for (int i = 0; i < rssBefore.length; i++) {
            rssBefore[i] = ProcStat.of(processes.get(i).pid()).rssKib();
        }
        long[] rssPeak = rssBefore.clone();
        List<Double> before = new ArrayList<>();
        for (int round = 0; round < FLOOD_BASELINE_ROUNDS; round++) {
            before.addAll(cluster.udpRoundTripsMillis(round % cluster.size(), FLOOD_PING_WAIT_MILLIS));
        }
        List<Double> during = new ArrayList<>();
        long since = System.currentTimeMillis();
        GarbageFlood flood = new GarbageFlood(cluster.gossipAddresses(), idleMillis + 10_000, run);
        flood.start();
        long end = System.nanoTime() + idleMillis * 1_000_000;
        boolean capped = false;
        boolean[] died = new boolean[processes.size()];
        for (int round = 0; System.nanoTime() < end && round < 100_000 && !capped; round++) {
            int pinger = round % cluster.size();
            if (pinger >= died.length || !died[pinger]) {
                during.addAll(cluster.udpRoundTripsMillis(pinger, FLOOD_PING_WAIT_MILLIS));
            }
            for (int i = 0; i < processes.size(); i++) {
                long rss = died[i] ? -1 : ProcStat.ofLive(processes.get(i)).map(ProcStat::rssKib).orElse(-1L);
                died[i] = rss < 0;
                rssPeak[i] = Math.max(rssPeak[i], rss);
                capped |= rss > FLOOD_RSS_CAP_KIB;
            }
        }
        if (capped) {
            log.println("  " + cluster.system() + " flood run " + run + ": a node passed " + FLOOD_RSS_CAP_KIB / 1024
                    + " MiB of RSS; flood ended early");
        }
        flood.stop();
        Thread.sleep(FLOOD_WATCH_MILLIS);
        Map<BenchScenario.Metric, Double> values = new EnumMap<>(BenchScenario.Metric.class);
        values.put(BenchScenario.Metric.FLOOD_RATE, flood.ratePerSecond());
        answeredP99(before).ifPresent(p99 -> values.put(BenchScenario.Metric.FLOOD_RTT_BEFORE, p99));
        answeredP99(during).ifPresent(p99 -> values.put(BenchScenario.Metric.FLOOD_RTT, p99));
        if (!during.isEmpty()) {
            long unanswered = during.stream().filter(trip -> trip.isNaN()).count();
            values.put(BenchScenario.Metric.FLOOD_UNANSWERED, 100.0 * unanswered / during.size());
        }
        if (!processes.isEmpty()) {
            long growth = 0;
            for (int i = 0; i < rssPeak.length; i++) {
                growth = Math.max(growth, rssPeak[i] - rssBefore[i]);
            }
            values.put(BenchScenario.Metric.FLOOD_RSS_GROWTH, growth / 1024.0);
            int dead = 0;
            for (boolean gone : died) {
                dead += gone ? 1 : 0;
            }
            values.put(BenchScenario.Metric.FLOOD_DIED, (double) dead);
        }
        log.println(String.format(java.util.Locale.ROOT, "  %s flood run %d: %d datagrams (%d refused by the kernel), "
                + "%d pings before, %d during; the five slowest during: %s ms", cluster.system(), run, flood.sent(),
                flood.sendErrors(), before.size(), during.size(), slowest(during, 5)));
        return outcome(values, since, -1, false);
    }

    /** SOAK: {@link Soak} on a converged cluster of agent processes, for {@code idleMillis}. */
    private RunOutcome soak() throws Exception {
        if (!(cluster instanceof ProcessCluster processes)) {
            throw new IllegalStateException("the soak runs on agent processes only");
        }
        long since = converged();
        Soak soak = new Soak(processes, idleMillis, soakKillEveryMillis, run, log);
        RunOutcome outcome = soak.run(since);
        String suffix = run > 1 ? "-run" + run : "";
        if (soakCsv != null) {
            SoakFigures.writeCsv(soak.samples(), suffixed(soakCsv, suffix));
        }
        if (soakPlot != null) {
            io.grapevine.agent.plot.SoakChart.write("Soak: " + cluster.size() + " agents, " + idleMillis / 1000
                    + " s, a kill every " + soakKillEveryMillis / 1000 + " s", SoakFigures.series(soak.samples()),
                    suffixed(soakPlot, suffix));
        }
        return outcome;
    }

    /** {@code file} with {@code suffix} before its extension: a run's own file when there are several. */
    private static java.nio.file.Path suffixed(java.nio.file.Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String named = dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot);
        return file.resolveSibling(named);
    }

    private static java.util.Optional<Double> answeredP99(List<Double> trips) {
        double[] answered = trips.stream().filter(trip -> !trip.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        return answered.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(Quantiles.quantile(answered, 0.99));
    }

    private static String slowest(List<Double> trips, int count) {
        return trips.stream().filter(trip -> !trip.isNaN()).sorted(java.util.Comparator.reverseOrder()).limit(count)
                .map(trip -> String.format(java.util.Locale.ROOT, "%.0f", trip)).toList().toString();
    }

    private RunOutcome idle() throws Exception {
        cluster.startFresh(true);
        quietStart();
        long t0 = cluster.joinAll();
        if (awaitJoined(t0).size() < cluster.size()) {
            throw new IllegalStateException(cluster.system() + " did not converge within " + timeoutMillis + " ms");
        }
        Thread.sleep(settleMillis);
        long since = System.currentTimeMillis();
        List<ProcessHandle> processes = cluster.processes();
        double cpuBefore = cpuSeconds(processes);
        long[] bytesBefore = cluster.bytesSent().orElse(new long[0]);
        long start = System.nanoTime();
        Thread.sleep(idleMillis);
        double cpuAfter = cpuSeconds(processes);
        long[] bytesAfter = cluster.bytesSent().orElse(new long[0]);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<BenchScenario.Metric, Double> values = new EnumMap<>(BenchScenario.Metric.class);
        int n = cluster.size();
        values.put(BenchScenario.Metric.CPU, (cpuAfter - cpuBefore) / n / (seconds / 60));
        values.put(BenchScenario.Metric.RSS, rssMib(processes) / n);
        if (bytesBefore.length == n && bytesAfter.length == n) {
            long sent = 0;
            for (int i = 0; i < n; i++) {
                sent += bytesAfter[i] - bytesBefore[i];
            }
            values.put(BenchScenario.Metric.BYTES, sent / seconds / n);
        }
        return outcome(values, since, -1, false);
    }

    /** CPU seconds of the nodes' processes, or of this JVM when they share it. */
    private static double cpuSeconds(List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return ProcStat.of(ProcessHandle.current().pid()).cpuSeconds();
        }
        return ProcStat.totalCpuSeconds(processes);
    }

    private static double rssMib(List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return ProcStat.of(ProcessHandle.current().pid()).rssKib() / 1024.0;
        }
        long total = 0;
        for (ProcessHandle process : processes) {
            total += ProcStat.of(process.pid()).rssKib();
        }
        return total / 1024.0;
    }
}
