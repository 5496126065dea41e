package io.grapevine.agent;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.scenario.FailureScenario;
import io.grapevine.sim.scenario.ScenarioConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code grapevine sim demo}: simulates a cluster (64 nodes by default) that joins, loses one node
 * without warning and converges, and prints a short report: how long the join took, how long
 * until every survivor saw the crash as dead, false positives and traffic per node. Deterministic
 * for a given seed; a few seconds of wall time. (Until issue 13 this was {@code grapevine demo},
 * which now runs real agents: {@link io.grapevine.agent.demo.DemoCommand}.)
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulates a 64-node cluster that joins, loses a node and converges; prints a short report.")
public final class SimDemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "64", description = "Cluster size, 2..2000 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (nodes < 2 || nodes > 2000) {
            throw new ParameterException(spec.commandLine(), "Invalid value for --nodes: must be in 2..2000: " + nodes);
        }
        CoreConfig core = CoreConfig.defaults();
        SimConfig config = SimConfig.defaults().withNodes(nodes).withSeed(seed).withCore(core);
        RunResult run = new FailureScenario().run(config, ScenarioConfig.defaults().withPeriods(60));
        print(config, run, spec.commandLine().getOut());
        return run.outcomeReached() ? 0 : 1;
    }

    private static void print(SimConfig config, RunResult run, PrintWriter out) {
        double periodMs = config.core().detector().probeIntervalNanos() / 1e6;
        String victim = "node-" + (long) run.value("victim");
        out.printf(Locale.ROOT, "Grapevine demo: %d simulated nodes, seed %d (LAN: probe every %.0f ms, 0.5-2 ms links, Lifeguard %s)%n",
                run.nodes(), run.seed(), periodMs, config.core().detector().lifeguard() ? "on" : "off");
        out.printf(Locale.ROOT, "  join:      every node saw all %d members alive %s after the first node started%n",
                run.nodes(), seconds(run.value("warmup_ms")));
        out.printf(Locale.ROOT, "  crash:     %s stopped without leaving%n", victim);
        if (run.outcomeReached()) {
            out.printf(Locale.ROOT, "  detection: every survivor saw %s DEAD %s after the crash (%.1f protocol periods)%n",
                    victim, seconds(run.value("outcome_ms")), run.value("outcome_periods"));
        } else {
            out.printf(Locale.ROOT, "  detection: NOT converged: %d of %d survivors saw %s DEAD within the window%n",
                    (long) run.value("survivors_seeing_dead"), run.nodes() - 1, victim);
        }
        out.printf(Locale.ROOT, "  false positives: %d running node(s) declared dead%n",
                (long) run.value("false_positive_members"));
        out.printf(Locale.ROOT, "  traffic:   %.1f packets/s and %.0f bytes/s per node after the crash%n",
                run.value("msgs_per_node_s"), run.value("bytes_per_node_s"));
        out.printf(Locale.ROOT, "  simulated %.1f s of cluster time in %.2f s of wall time (trace %s)%n",
                run.value("virtual_s"), run.value("wall_ms") / 1e3, run.traceHashHex());
        out.flush();
    }

    private static String seconds(double millis) {
        return Double.isNaN(millis) ? "(never)" : String.format(Locale.ROOT, "%.2f s", millis / 1e3);
    }
}
