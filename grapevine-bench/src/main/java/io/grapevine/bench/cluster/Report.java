package io.grapevine.bench.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the results of one scenario as a text table, ours first and a peer after, each
 * system's setup (profile, encryption, how started, how joined, JVM flags) beside the ratios,
 * and what the clock measured. The ratio is peer / ours: for times, how many times faster we
 * were; for costs, how many times cheaper (below 1: the peer was better). {@link ReportJson}
 * renders the same as JSON.
 */
final class Report {
    private final BenchScenario scenario;
    private final int nodes;
    private final List<SystemResult> systems;

    Report(BenchScenario scenario, int nodes, List<SystemResult> systems) {
        this.scenario = scenario;
        this.nodes = nodes;
        this.systems = List.copyOf(systems);
    }

    BenchScenario scenario() {
        return scenario;
    }

    int nodes() {
        return nodes;
    }

    List<SystemResult> systems() {
        return systems;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s %s, N=%d%n", scenario.name(), scenario.title(), nodes));
        out.append(String.format(Locale.ROOT, "%-10s %-9s %-30s %7s %10s %10s %10s  %s%n", "system", "mode", "figure",
                "samples", "median", "p90", "max", "unit"));
        for (SystemResult system : systems) {
            for (BenchScenario.Metric metric : scenario.metrics()) {
                Optional<Quantiles> q = system.summary(metric);
                out.append(String.format(Locale.ROOT, "%-10s %-9s %-30s %7d %10s %10s %10s  %s%n", system.system(),
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
            out.append(String.format(Locale.ROOT, "%s: %d runs, %d failed or timed out; healthy members falsely "
                    + "suspected %d, falsely dead %d (summed over runs)%n", system.system(), system.runs().size(),
                    system.timeouts(), system.falselySuspected(), system.falselyDead()));
        }
        for (SystemResult system : systems) {
            SystemSetup setup = system.setup();
            out.append(String.format(Locale.ROOT, "%s setup: %s, profile %s; encryption %s; started: %s; joined: %s%s%n",
                    system.system(), setup.mode(), setup.profile(), setup.encryption(), setup.started(), setup.joined(),
                    setup.jvmFlags().isEmpty() ? "" : "; JVM flags: " + String.join(" ", setup.jvmFlags())));
        }
        out.append("clock: ").append(scenario.clock()).append(System.lineSeparator());
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

    /** A figure as reports print it: whole numbers without decimals, others to 3 significant places or so. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f",
                value);
    }
}
