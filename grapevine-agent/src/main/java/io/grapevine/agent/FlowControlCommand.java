package io.grapevine.agent;

import io.grapevine.agent.plot.FlowControlChart;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.FlowLoad;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim flow-control}: one node writing heavily in a quiet cluster, with and
 * without flow control (everything else at the LAN defaults, adaptive gossip on in both).
 * Prints, for each mode: bytes per node per second (mean, most, the writer's), the deepest
 * rumor queue, drops, a quiet node's write staleness (median, worst), the writer's version lag
 * at the end and false positives; {@code --plot} draws the cluster's mean bytes per node per
 * second through the run. Exit codes: 0, 2 bad usage naming the flag, 1 the plot could not be written.
 */
@Command(name = "flow-control", mixinStandardHelpOptions = true,
        description = "One heavy writer in a quiet cluster, with and without flow control: traffic, queues, drops, "
                + "quiet-key staleness (docs/SIMULATION.md).")
public final class FlowControlCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "256", description = "Cluster size, 4..100000 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--write-rate", defaultValue = "1000", description = "The heavy writer's writes per second, "
            + "1..100000 (default: ${DEFAULT-VALUE}).")
    private double writeRate;

    @Option(names = "--keys", defaultValue = "1000", description = "Keys the heavy writer cycles over, 1..1000000 "
            + "(default: ${DEFAULT-VALUE}).")
    private int keys;

    @Option(names = "--quiet-writers", defaultValue = "16", description = "Quiet nodes, each writing one key every 2 s, "
            + "0..N-2 (default: ${DEFAULT-VALUE}).")
    private int quietWriters;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of the load, 1..3600 s (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--budget", defaultValue = "262144", description = "flowBudgetBytesPerSecond of the flow-controlled "
            + "run, 1024..2^40 (default: ${DEFAULT-VALUE}).")
    private long budget;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of both runs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the mean bytes per node per second "
            + "through the run, both modes, as a PNG to FILE.")
    private Path plot;

    @Override
    public Integer call() {
        validate();
        SimConfig base = SimConfig.defaults().withNodes(nodes).withSeed(seed);
        FlowLoad.Result off = FlowLoad.run(base.withCore(base.core().withGossip(g -> g.withFlowBudgetBytesPerSecond(0))),
                writeRate, keys, quietWriters, seconds);
        FlowLoad.Result on = FlowLoad.run(base.withCore(base.core().withGossip(g -> g.withFlowBudgetBytesPerSecond(budget))),
                writeRate, keys, quietWriters, seconds);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "flow control: N=%d, one node writing %.0f keys/s over %d keys for %d s, "
                + "%d quiet writers (one key each every %d s), seed %d, LAN, converged start", nodes, writeRate, keys,
                seconds, quietWriters, FlowLoad.QUIET_EVERY_SECONDS, seed));
        out.println(String.format(Locale.ROOT, "%-22s %12s %12s", "", "flow off", "flow on"));
        row(out, "bytes/node/s mean", off.meanBytesPerNodeS(), on.meanBytesPerNodeS(), "%.0f");
        row(out, "bytes/node/s most", off.maxBytesPerNodeS(), on.maxBytesPerNodeS(), "%.0f");
        row(out, "writer bytes/s", off.writerBytesS(), on.writerBytesS(), "%.0f");
        row(out, "deepest rumor queue", off.maxRumorQueue(), on.maxRumorQueue(), "%.0f");
        row(out, "rumors dropped", off.rumorDrops(), on.rumorDrops(), "%.0f");
        row(out, "mails dropped", off.mailDrops(), on.mailDrops(), "%.0f");
        row(out, "quiet staleness p50 ms", off.quietStalenessMedianMs(), on.quietStalenessMedianMs(), "%.1f");
        row(out, "quiet staleness max ms", off.quietStalenessMaxMs(), on.quietStalenessMaxMs(), "%.1f");
        row(out, "quiet writes unreached", off.quietUnreached(), on.quietUnreached(), "%.0f");
        row(out, "writer version lag", off.writerVersionLag(), on.writerVersionLag(), "%.0f");
        row(out, "rate decreases", off.flowDecreases(), on.flowDecreases(), "%.0f");
        row(out, "false positive pairs", off.falsePositivePairs(), on.falsePositivePairs(), "%.0f");
        out.flush();
        if (plot != null) {
            try {
                FlowControlChart.write(off.bytesPerSecond(), on.bytesPerSecond(), writeRate, plot);
            } catch (IOException e) {
                spec.commandLine().getErr().println("flow-control: cannot write --plot " + plot + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static void row(PrintWriter out, String name, double off, double on, String pattern) {
        out.println(String.format(Locale.ROOT, "%-22s %12s %12s", name, String.format(Locale.ROOT, pattern, off),
                String.format(Locale.ROOT, pattern, on)));
    }

    private void validate() {
        if (nodes < 4 || nodes > 100_000) {
            throw bad("--nodes", "must be in 4..100000: " + nodes);
        }
        if (!(writeRate >= 1 && writeRate <= 100_000)) {
            throw bad("--write-rate", "must be in 1..100000 writes per second: " + writeRate);
        }
        if (keys < 1 || keys > 1_000_000) {
            throw bad("--keys", "must be in 1..1000000: " + keys);
        }
        if (quietWriters < 0 || quietWriters > nodes - 2) {
            throw bad("--quiet-writers", "must be in 0.." + (nodes - 2) + ": " + quietWriters);
        }
        if (seconds < 1 || seconds > 3600) {
            throw bad("--seconds", "must be in 1..3600: " + seconds);
        }
        if (budget < 1024 || budget > (1L << 40)) {
            throw bad("--budget", "must be in 1024..2^40 bytes per second: " + budget);
        }
    }

    private CommandLine.ParameterException bad(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + problem);
    }
}
