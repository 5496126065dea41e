package io.grapevine.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the soak's resource samples add up to: the largest RSS of any node, the largest RSS
 * growth of a node that ran the whole soak (first sample to last), CPU seconds per node per
 * minute (summed per process between its samples, so restarts count from their start), and the
 * per-interval series for the CSV and the plot.
 *
 * @param maxRssMib the largest RSS sampled, MiB
 * @param rssGrowthMib the largest last-minus-first RSS of a node never restarted; empty if every node was
 * @param cpuSecondsPerNodePerMinute CPU over the soak, per node and minute
 */
record SoakFigures(double maxRssMib, OptionalDouble rssGrowthMib, double cpuSecondsPerNodePerMinute) {

    /** Sums {@code samples} (time order) of a cluster of {@code nodes}. */
    static SoakFigures of(List<Soak.Sample> samples, int nodes) {
        double maxRss = 0;
        double cpu = 0;
        Map<Integer, Soak.Sample> first = new HashMap<>();
        Map<Integer, Soak.Sample> last = new HashMap<>();
        Map<Integer, Boolean> restarted = new HashMap<>();
        for (Soak.Sample sample : samples) {
            maxRss = Math.max(maxRss, sample.rssMib());
            Soak.Sample before = last.get(sample.node());
            if (before != null && before.pid() == sample.pid()) {
                cpu += sample.cpuSeconds() - before.cpuSeconds();
            } else if (before != null) {
                restarted.put(sample.node(), true);
            }
            first.putIfAbsent(sample.node(), sample);
            last.put(sample.node(), sample);
        }
        OptionalDouble growth = OptionalDouble.empty();
        for (Map.Entry<Integer, Soak.Sample> end : last.entrySet()) {
            if (!restarted.getOrDefault(end.getKey(), false)) {
                double grew = end.getValue().rssMib() - first.get(end.getKey()).rssMib();
                growth = OptionalDouble.of(growth.isPresent() ? Math.max(growth.getAsDouble(), grew) : grew);
            }
        }
        double minutes = samples.isEmpty() ? 0 : (samples.get(samples.size() - 1).seconds() - samples.get(0).seconds()) / 60;
        return new SoakFigures(maxRss, growth, minutes > 0 ? cpu / nodes / minutes : 0);
    }

    /**
     * Per sampling time: mean and max RSS over the nodes sampled, and mean CPU seconds per node
     * per minute since the previous sample (same process only).
     *
     * @return rows of {seconds, mean RSS MiB, max RSS MiB, CPU s/node/min}
     */
    static List<double[]> series(List<Soak.Sample> samples) {
        TreeMap<Double, List<Soak.Sample>> byTime = new TreeMap<>();
        for (Soak.Sample sample : samples) {
            byTime.computeIfAbsent(sample.seconds(), t -> new ArrayList<>()).add(sample);
        }
        List<double[]> rows = new ArrayList<>();
        Map<Integer, Soak.Sample> previous = new HashMap<>();
        for (Map.Entry<Double, List<Soak.Sample>> at : byTime.entrySet()) {
            double sum = 0;
            double max = 0;
            double cpu = 0;
            int cpuNodes = 0;
            double interval = 0;
            for (Soak.Sample sample : at.getValue()) {
                sum += sample.rssMib();
                max = Math.max(max, sample.rssMib());
                Soak.Sample before = previous.put(sample.node(), sample);
                if (before != null && before.pid() == sample.pid() && sample.seconds() > before.seconds()) {
                    cpu += sample.cpuSeconds() - before.cpuSeconds();
                    interval = sample.seconds() - before.seconds();
                    cpuNodes++;
                }
            }
            double cpuPerMinute = cpuNodes > 0 && interval > 0 ? cpu / cpuNodes / (interval / 60) : 0;
            rows.add(new double[] {at.getKey(), sum / at.getValue().size(), max, cpuPerMinute});
        }
        return rows;
    }

    /** Writes every sample as CSV: {@code seconds,node,pid,rss_mib,cpu_s}. */
    static void writeCsv(List<Soak.Sample> samples, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seconds,node,pid,rss_mib,cpu_s");
        for (Soak.Sample s : samples) {
            lines.add(String.format(Locale.ROOT, "%.1f,%d,%d,%.2f,%.2f", s.seconds(), s.node(), s.pid(), s.rssMib(),
                    s.cpuSeconds()));
        }
        Files.write(file, lines);
    }
}
