package io.grapevine.agent;

import io.grapevine.agent.plot.CostCurveChart;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.scenario.FailureScenario;
import io.grapevine.sim.scenario.IdleScenario;
import io.grapevine.sim.scenario.ScenarioConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim cost-curve}: what a node costs as the cluster grows. For each N: an idle
 * run (messages and bytes per node per second, live heap per simulated node, false positives)
 * and, with {@code --write-rate}, the same under that write load, plus a silent crash (time until
 * every survivor holds it dead). Converged start, LAN profile, one seed. Prints a table (text or
 * CSV) and with {@code --plot} draws bytes per node per second against N. Exit codes: 0, 2 bad
 * usage naming the flag, 1 the plot could not be written.
 */
@Command(name = "cost-curve", mixinStandardHelpOptions = true,
        description = "Per-node cost against cluster size: idle traffic, traffic under a write load, "
                + "detection time, heap per simulated node (docs/SIMULATION.md).")
public final class CostCurveCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", split = ",", defaultValue = "100,300,1000", paramLabel = "N[,N...]",
            description = "Cluster sizes, each 2..1000000 (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;

    @Option(names = "--periods", defaultValue = "60", description = "Window of each run in protocol periods, "
            + "1..100000 (default: ${DEFAULT-VALUE}).")
    private int periods;

    @Option(names = "--write-rate", defaultValue = "0", description = "Also run idle under this many writes per "
            + "second over the cluster, 0..1000000; 0 skips that run (default: ${DEFAULT-VALUE}).")
    private double writeRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--format", defaultValue = "text", description = "text or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw bytes per node per second against N "
            + "(idle, and under the write load when measured) as a PNG to FILE.")
    private Path plot;

    /** One size's figures. */
    record Point(int nodes, double idleMessages, double idleBytes, double loadedMessages, double loadedBytes,
                 double detectionSeconds, double falsePositivePairs, double heapBytesPerNode) {
    }

    @Override
    public Integer call() {
        validate();
        List<Point> points = new ArrayList<>();
        for (int n : sizes) {
            points.add(measure(n));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("csv")) {
            out.println("nodes,idle_msgs_per_node_s,idle_bytes_per_node_s,load_msgs_per_node_s,load_bytes_per_node_s,"
                    + "detection_s,false_positive_pairs,heap_bytes_per_node");
            for (Point p : points) {
                out.println(String.format(Locale.ROOT, "%d,%.3f,%.1f,%s,%s,%.3f,%.0f,%.0f", p.nodes(), p.idleMessages(),
                        p.idleBytes(), csv(p.loadedMessages()), csv(p.loadedBytes()), p.detectionSeconds(),
                        p.falsePositivePairs(), p.heapBytesPerNode()));
            }
        } else {
            out.println(String.format(Locale.ROOT, "cost curve: %d periods, seed %d, write load %s/s, converged start, LAN",
                    periods, seed, writeRate == 0 ? "none" : String.valueOf(writeRate)));
            out.println(String.format(Locale.ROOT, "%8s %12s %12s %12s %12s %11s %6s %12s", "N", "idle msg/s",
                    "idle B/s", "load msg/s", "load B/s", "detect s", "FP", "heap B/node"));
            for (Point p : points) {
                out.println(String.format(Locale.ROOT, "%8d %12.2f %12.0f %12s %12s %11.2f %6.0f %12.0f", p.nodes(),
                        p.idleMessages(), p.idleBytes(), text(p.loadedMessages(), "%.2f"), text(p.loadedBytes(), "%.0f"),
                        p.detectionSeconds(), p.falsePositivePairs(), p.heapBytesPerNode()));
            }
        }
        out.flush();
        if (plot != null) {
            try {
                CostCurveChart.write(points.stream().map(p -> new CostCurveChart.Point(p.nodes(), p.idleBytes(),
                        p.loadedBytes())).toList(), writeRate, plot);
            } catch (IOException e) {
                spec.commandLine().getErr().println("cost-curve: cannot write --plot " + plot + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private Point measure(int n) {
        SimConfig config = SimConfig.defaults().withNodes(n).withSeed(seed)
                .withCore(SimConfig.defaults().core().withMembership(m -> m.withHistoryPerMember(n > 2_000 ? 0 : 16)));
        ScenarioConfig params = ScenarioConfig.defaults().withPeriods(periods);
        RunResult idle = new IdleScenario().run(config, params);
        RunResult loaded = writeRate == 0 ? null : new IdleScenario().run(config, params.withWritesPerSecond(writeRate));
        RunResult failure = new FailureScenario().run(config, params);
        return new Point(n, idle.value("msgs_per_node_s"), idle.value("bytes_per_node_s"),
                loaded == null ? Double.NaN : loaded.value("msgs_per_node_s"),
                loaded == null ? Double.NaN : loaded.value("bytes_per_node_s"),
                failure.value("outcome_ms") / 1e3,
                idle.value("false_positive_pairs") + failure.value("false_positive_pairs"),
                idle.value("heap_bytes_per_node"));
    }

    private void validate() {
        for (int n : sizes) {
            if (n < 2 || n > SimConfig.MAX_NODES) {
                throw bad("--nodes", "each size must be in 2.." + SimConfig.MAX_NODES + ": " + n);
            }
        }
        if (periods < 1 || periods > 100_000) {
            throw bad("--periods", "must be in 1..100000: " + periods);
        }
        if (!(writeRate >= 0 && writeRate <= 1_000_000)) {
            throw bad("--write-rate", "must be in 0..1000000 writes per second: " + writeRate);
        }
        if (!format.equals("text") && !format.equals("csv")) {
            throw bad("--format", "must be text or csv: " + format);
        }
    }

    private static String csv(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String text(double value, String pattern) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    private CommandLine.ParameterException bad(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + problem);
    }
}
