package io.grapevine.agent;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.NearestRank;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.scenario.ScenarioConfig;
import io.grapevine.sim.scenario.WriteScenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim mail-retry}: what acknowledged, retried direct mail buys under loss. For
 * each loss rate, the write scenario (S4: one write every 5 periods by a random node) runs with
 * {@code directMailRetries} at its default and at 0 (mail sent once, as before), over
 * {@code --runs} seeds each, everything else at the LAN defaults (rumors and anti-entropy on).
 * Prints, per loss and mode, the time until the last node held a write (median, p90, max over
 * every write of every run), the datagrams per node per second and the mail resends per
 * write, and what retry saved and cost. Exit codes: 0, 2 bad usage naming the flag.
 */
@Command(name = "mail-retry", mixinStandardHelpOptions = true,
        description = "Acknowledged, retried direct mail against mail sent once, under loss: "
                + "time until the last node has a write, and datagrams (docs/SIMULATION.md).")
public final class MailRetryCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "64", description = "Cluster size, 2..100000 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--loss", split = ",", defaultValue = "0.01,0.05,0.2", paramLabel = "P[,P...]",
            description = "Datagram loss probabilities, each in [0, 0.9] (default: ${DEFAULT-VALUE}).")
    private List<Double> losses;

    @Option(names = "--periods", defaultValue = "120", description = "Window of each run in protocol periods, "
            + "5..100000; one write every 5 (default: ${DEFAULT-VALUE}).")
    private int periods;

    @Option(names = "--runs", defaultValue = "5", description = "Seeds per loss and mode, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", defaultValue = "1", description = "First seed; run k uses seed + k (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** One loss rate and mode, over every write of every run. */
    record Row(double loss, int retries, double medianMs, double p90Ms, double maxMs, int writes, int unreached,
               double msgsPerNodeS, double resendsPerWrite) {
    }

    @Override
    public Integer call() {
        validate();
        int defaultRetries = SimConfig.defaults().core().gossip().directMailRetries();
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "mail retry: N=%d, %d periods, %d runs from seed %d, one write every %d"
                + " periods, LAN, rumors and anti-entropy on", nodes, periods, runs, seed, WriteScenario.SPACING_PERIODS));
        out.println(String.format(Locale.ROOT, "%6s %8s %11s %11s %11s %7s %10s %12s %13s", "loss", "retries",
                "last p50 ms", "last p90 ms", "last max ms", "writes", "unreached", "msgs/node/s", "resends/write"));
        List<Row[]> pairs = new ArrayList<>();
        for (double loss : losses) {
            Row once = measure(loss, 0);
            Row retried = measure(loss, defaultRetries);
            pairs.add(new Row[] {once, retried});
            for (Row row : List.of(once, retried)) {
                out.println(String.format(Locale.ROOT, "%5.0f%% %8d %11.1f %11.1f %11.1f %7d %10d %12.2f %13.1f",
                        row.loss() * 100, row.retries(), row.medianMs(), row.p90Ms(), row.maxMs(), row.writes(),
                        row.unreached(), row.msgsPerNodeS(), row.resendsPerWrite()));
            }
        }
        out.println();
        out.println("what retry changes (retried minus once): last-node time p50 / p90 / max, and all datagrams per"
                + " write (the whole cluster's traffic, so it carries the noise of the runs' other traffic; the"
                + " resends themselves are the column above)");
        for (Row[] pair : pairs) {
            Row once = pair[0];
            Row retried = pair[1];
            double clusterWritesPerSecond = once.writes() / (double) runs
                    / (periods * SimConfig.defaults().core().detector().probeIntervalNanos() / 1e9);
            double extraPerWrite = (retried.msgsPerNodeS() - once.msgsPerNodeS()) * nodes / clusterWritesPerSecond;
            out.println(String.format(Locale.ROOT, "%5.0f%%: %+.1f / %+.1f / %+.1f ms, %+.1f datagrams per write",
                    once.loss() * 100, retried.medianMs() - once.medianMs(), retried.p90Ms() - once.p90Ms(),
                    retried.maxMs() - once.maxMs(), extraPerWrite));
        }
        out.flush();
        return 0;
    }

    private Row measure(double loss, int retries) {
        List<Double> lastNode = new ArrayList<>();
        int writes = 0;
        int unreached = 0;
        double msgs = 0;
        double resends = 0;
        for (int k = 0; k < runs; k++) {
            SimConfig base = SimConfig.defaults().withNodes(nodes).withSeed(seed + k);
            SimConfig config = base.withNetwork(base.network().withLossProbability(loss))
                    .withCore(base.core().withGossip(g -> g.withDirectMailRetries(retries)));
            WriteScenario.Detail detail = WriteScenario.runWithDetail(config, ScenarioConfig.defaults().withPeriods(periods));
            RunResult result = detail.result();
            for (double ms : detail.lastNodeMs()) {
                lastNode.add(ms);
            }
            writes += (int) result.value("writes");
            unreached += (int) result.value("writes_unreached");
            msgs += result.value("msgs_per_node_s");
            resends += result.value("mail_resends_per_write");
        }
        double[] sorted = lastNode.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Row(loss, retries, NearestRank.of(sorted, 0.5), NearestRank.of(sorted, 0.9),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], writes, unreached, msgs / runs,
                resends / runs);
    }


    private void validate() {
        if (nodes < 2 || nodes > 100_000) {
            throw bad("--nodes", "must be in 2..100000: " + nodes);
        }
        for (double loss : losses) {
            if (!(loss >= 0 && loss <= 0.9)) {
                throw bad("--loss", "each loss must be in [0, 0.9]: " + loss);
            }
        }
        if (periods < WriteScenario.SPACING_PERIODS || periods > 100_000) {
            throw bad("--periods", "must be in " + WriteScenario.SPACING_PERIODS + "..100000: " + periods);
        }
        if (runs < 1 || runs > 1000) {
            throw bad("--runs", "must be in 1..1000: " + runs);
        }
    }

    private CommandLine.ParameterException bad(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + problem);
    }
}
