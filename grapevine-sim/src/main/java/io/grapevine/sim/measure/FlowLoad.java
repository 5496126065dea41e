package io.grapevine.sim.measure;

import io.grapevine.core.NodeMetrics;
import io.grapevine.core.dissemination.DirectMailStats;
import io.grapevine.core.state.KeyChange;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One heavy writer against a quiet cluster, for flow control: node 1 writes {@code writeRate}
 * keys per second (cycling over {@code keys} keys of its own), while {@code quietWriters} other
 * nodes each write their key {@code quiet} every 2 s (staggered). Converged start, then the
 * settle time, then {@code seconds} of load. Measures, over the load: bytes sent per node per
 * second (mean over nodes, the most of any node, the writer's), the deepest rumor queue, the
 * rumors and mails dropped for lack of room, the time until the last node held each quiet
 * write (its staleness; median and worst), the writer's version lag at the end (its latest
 * version minus the lowest any node held), false positives, and the cluster's mean bytes per
 * node per second in each second (for a plot).
 */
public final class FlowLoad {
    /** Seconds between two writes of one quiet writer. */
    public static final int QUIET_EVERY_SECONDS = 2;

    /** What one run measured. */
    public record Result(double meanBytesPerNodeS, double maxBytesPerNodeS, double writerBytesS, int maxRumorQueue,
                         long rumorDrops, long mailDrops, double quietStalenessMedianMs, double quietStalenessMaxMs,
                         int quietUnreached, long writerVersionLag, long falsePositivePairs, List<Double> bytesPerSecond,
                         long flowDecreases) {
    }

    private FlowLoad() {
    }

    /** Runs the load on {@code config}. */
    public static Result run(SimConfig config, double writeRate, int keys, int quietWriters, int seconds) {
        Simulation sim = new Simulation(config);
        FalsePositives falsePositives = new FalsePositives(sim);
        sim.addObserver(falsePositives);
        sim.startConverged();
        sim.runFor(config.settleNanos());
        int n = sim.size();
        int writer = 1;
        int[] quiet = new int[Math.min(quietWriters, n - 2)];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = 2 + i * Math.max(1, (n - 2) / Math.max(1, quiet.length));
        }
        long[] bytesBefore = new long[n];
        for (int i = 0; i < n; i++) {
            bytesBefore[i] = sim.node(i).metrics().bytesSent();
        }
        long start = sim.nowNanos();
        long end = start + seconds * 1_000_000_000L;
        long spacing = Math.max(1, (long) (1e9 / writeRate));
        long quietSpacing = QUIET_EVERY_SECONDS * 1_000_000_000L / Math.max(1, quiet.length);
        long nextWrite = start;
        long nextQuiet = start + quietSpacing / 2;
        long nextSample = start + 1_000_000_000L;
        long sampleBytes = total(sim, n);
        int counter = 0;
        int quietTurn = 0;
        List<WriteSpread> spreads = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        while (true) {
            long next = Math.min(Math.min(nextWrite, nextQuiet), nextSample);
            if (next >= end) {
                break;
            }
            sim.runUntil(next);
            if (next == nextSample) {
                long now = total(sim, n);
                perSecond.add((now - sampleBytes) / (double) n);
                sampleBytes = now;
                nextSample += 1_000_000_000L;
            }
            if (next == nextWrite) {
                sim.put(writer, "k" + (counter++ % keys), new byte[8]);
                nextWrite += spacing;
            }
            if (next == nextQuiet && quiet.length > 0) {
                int q = quiet[quietTurn++ % quiet.length];
                KeyChange change = sim.put(q, "quiet", new byte[8]);
                BitSet others = new BitSet(n);
                others.set(0, n);
                others.clear(q);
                WriteSpread spread = new WriteSpread(sim.name(q), "quiet", change.newVersion(), others, sim.nowNanos());
                sim.addObserver(spread);
                spreads.add(spread);
                nextQuiet += quietSpacing;
            }
        }
        sim.runUntil(end);
        double windowS = (end - start) / 1e9;
        double sum = 0;
        double max = 0;
        int maxQueue = 0;
        long rumorDrops = 0;
        long mailDrops = 0;
        long flowDecreases = 0;
        long minVersion = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            NodeMetrics metrics = sim.node(i).metrics();
            double rate = (metrics.bytesSent() - bytesBefore[i]) / windowS;
            sum += rate;
            max = Math.max(max, rate);
            maxQueue = Math.max(maxQueue, metrics.maxRumorQueueLength());
            rumorDrops += metrics.rumorsDropped();
            DirectMailStats mail = sim.node(i).directMail();
            mailDrops += mail.userDrops() + mail.membershipDrops();
            flowDecreases += sim.node(i).flow().decreases();
            if (i != writer) {
                minVersion = Math.min(minVersion, sim.node(i).stateVersion(sim.name(writer)));
            }
        }
        double writerRate = (sim.node(writer).metrics().bytesSent() - bytesBefore[writer]) / windowS;
        double[] staleness = new double[spreads.size()];
        int unreached = 0;
        for (int i = 0; i < spreads.size(); i++) {
            long reached = spreads.get(i).reachedAtNanos();
            if (reached < 0) {
                unreached++;
                staleness[i] = (end - spreads.get(i).startNanos()) / 1e6;
            } else {
                staleness[i] = (reached - spreads.get(i).startNanos()) / 1e6;
            }
        }
        Arrays.sort(staleness);
        double median = staleness.length == 0 ? Double.NaN : staleness[(staleness.length - 1) / 2];
        double worst = staleness.length == 0 ? Double.NaN : staleness[staleness.length - 1];
        long lag = sim.node(writer).stateVersion(sim.name(writer)) - minVersion;
        return new Result(sum / n, max, writerRate, maxQueue, rumorDrops, mailDrops, median, worst, unreached, lag,
                falsePositives.pairs(), perSecond, flowDecreases);
    }

    private static long total(Simulation sim, int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += sim.node(i).metrics().bytesSent();
        }
        return total;
    }
}
