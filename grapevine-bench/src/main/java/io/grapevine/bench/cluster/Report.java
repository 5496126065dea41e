package io.grapevine.bench.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the results of one scenario, ours first and a peer after, as a text table or as
 * JSON. The ratio is peer / ours: for times, how many times faster we were; for costs, how
 * many times cheaper (below 1: the peer was better).
 */
final class Report {
    private final BenchScenario scenario;
    private final int nodes;
    private final List<String> jvmFlags;
    private final List<SystemResult> systems;

    Report(BenchScenario scenario, int nodes, List<String> jvmFlags, List<SystemResult> systems) {
        this.scenario = scenario;
        this.nodes = nodes;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.systems = List.copyOf(systems);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s %s, N=%d, grapevine: %s%n", scenario.name(), scenario.title(), nodes,
                systems.get(0).mode().equals("processes") ? "grapevine agent --profile lan"
                        : "CoreConfig of --profile lan, in this JVM"));
        out.append(String.format(Locale.ROOT, "%-10s %-9s %-30s %5s %10s %10s %10s  %s%n", "system", "mode", "figure",
                "runs", "median", "p90", "max", "unit"));
        for (SystemResult system : systems) {
            for (BenchScenario.Metric metric : scenario.metrics()) {
                Optional<Quantiles> q = system.summary(metric);
                out.append(String.format(Locale.ROOT, "%-10s %-9s %-30s %5d %10s %10s %10s  %s%n", system.system(),
                        system.mode(), metric.label(), q.map(Quantiles::count).orElse(0),
                        q.map(x -> number(x.median())).orElse("-"), q.map(x -> number(x.p90())).orElse("-"),
                        q.map(x -> number(x.max())).orElse("-"), metric.unit()));
            }
        }
        for (BenchScenario.Metric metric : scenario.metrics()) {
            ratio(metric).ifPresent(r -> out.append(String.format(Locale.ROOT, "ratio %s/%s %-30s median %s%n",
                    systems.get(1).system(), systems.get(0).system(), metric.label(), number(r))));
        }
        for (SystemResult system : systems) {
            out.append(String.format(Locale.ROOT, "%s: %d failed or timed-out runs; healthy members falsely suspected %d, "
                    + "falsely dead %d (summed over runs)%n", system.system(), system.timeouts(),
                    system.falselySuspected(), system.falselyDead()));
        }
        if (systems.get(0).mode().equals("processes")) {
            out.append("node JVM flags: ").append(String.join(" ", jvmFlags)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Peer median / our median, when both were measured and ours is non-zero. */
    Optional<Double> ratio(BenchScenario.Metric metric) {
        if (systems.size() < 2) {
            return Optional.empty();
        }
        Optional<Quantiles> ours = systems.get(0).summary(metric);
        Optional<Quantiles> peer = systems.get(1).summary(metric);
        if (ours.isEmpty() || peer.isEmpty() || ours.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(peer.get().median() / ours.get().median());
    }

    String json() {
        StringBuilder out = new StringBuilder("{");
        out.append("\"scenario\":\"").append(scenario.name()).append("\",\"nodes\":").append(nodes)
                .append(",\"profile\":\"lan\"");
        out.append(",\"jvmFlags\":[").append(jvmFlags.stream().map(f -> "\"" + escape(f) + "\"")
                .collect(Collectors.joining(","))).append("],\"systems\":[");
        for (int s = 0; s < systems.size(); s++) {
            SystemResult system = systems.get(s);
            out.append(s == 0 ? "" : ",").append("{\"system\":\"").append(system.system()).append("\",\"mode\":\"")
                    .append(system.mode()).append("\",\"timeouts\":").append(system.timeouts())
                    .append(",\"falselySuspected\":").append(system.falselySuspected())
                    .append(",\"falselyDead\":").append(system.falselyDead()).append(",\"figures\":{");
            List<BenchScenario.Metric> metrics = scenario.metrics();
            for (int m = 0; m < metrics.size(); m++) {
                BenchScenario.Metric metric = metrics.get(m);
                out.append(m == 0 ? "" : ",").append("\"").append(metric.key()).append("\":{\"runs\":[")
                        .append(system.values(metric).stream().map(Report::number).collect(Collectors.joining(",")))
                        .append("]");
                system.summary(metric).ifPresent(q -> out.append(",\"median\":").append(number(q.median()))
                        .append(",\"p90\":").append(number(q.p90())).append(",\"max\":").append(number(q.max())));
                out.append("}");
            }
            out.append("}}");
        }
        out.append("],\"ratios\":{");
        out.append(scenario.metrics().stream().filter(m -> ratio(m).isPresent())
                .map(m -> "\"" + m.key() + "\":" + number(ratio(m).orElseThrow())).collect(Collectors.joining(",")));
        return out.append("}}").toString();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f",
                value);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
