package io.grapevine.agent;

import io.grapevine.core.dissemination.RumorPolicy;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.epidemic.Epidemic;
import io.grapevine.sim.epidemic.EpidemicConfig;
import io.grapevine.sim.epidemic.RumorFeedback;
import io.grapevine.sim.epidemic.RumorStop;
import io.grapevine.sim.epidemic.SpreadResult;
import io.grapevine.sim.epidemic.SpreadStyle;
import io.grapevine.sim.epidemic.Theory;
import io.grapevine.sim.measure.RumorResidue;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim rumor-variants}: Demers et al.'s four rumor-mongering variants in the
 * production core. For each variant and k, one user event spreads by rumor alone (direct mail
 * and event repair off) through a converged cluster; the residue (nodes never reached) and the
 * traffic (rumor transmissions per node) are averaged over {@code --runs} seeds and printed
 * beside {@code e^-m} and the epidemic model's figures for the same variant (push, fanout 1,
 * Demers's setting). Exit codes: 0, 2 bad usage naming the flag.
 */
@Command(name = "rumor-variants", mixinStandardHelpOptions = true,
        description = "Residue and traffic of the four rumor-mongering variants in the production core, "
                + "beside e^-m and the epidemic model (docs/SIMULATION.md).")
public final class RumorVariantsCommand implements Callable<Integer> {
    private static final List<String> VARIANTS = List.of("feedback-counter", "blind-counter", "feedback-coin",
            "blind-coin");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "1000", description = "Cluster size, 10..100000 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--k", split = ",", defaultValue = "1,2,3,4,5", paramLabel = "K[,K...]",
            description = "Values of k, each 1..1000 (default: ${DEFAULT-VALUE}).")
    private List<Integer> ks;

    @Option(names = "--variants", split = ",", defaultValue = "feedback-counter,blind-counter,feedback-coin,blind-coin",
            description = "Variants, each interest-stop (default: ${DEFAULT-VALUE}).")
    private List<String> variants;

    @Option(names = "--runs", defaultValue = "3", description = "Seeds per row, 1..100 (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", defaultValue = "1", description = "First seed; run r uses seed + r (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--max-periods", defaultValue = "300", description = "Longest run in protocol periods, "
            + "10..100000 (default: ${DEFAULT-VALUE}).")
    private int maxPeriods;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "rumor variants: N=%d, %d runs from seed %d, one user event by rumor "
                + "alone (direct mail and event repair off), LAN, converged start", nodes, runs, seed));
        out.println(String.format(Locale.ROOT, "%-17s %4s %10s %9s %9s %10s %9s %11s %8s", "variant", "k", "residue",
                "traffic m", "e^-m", "feedback/n", "time ms", "model res.", "model m"));
        for (String variant : variants) {
            for (int k : ks) {
                RumorPolicy policy = RumorPolicy.parse(variant + ":" + k);
                double residue = 0;
                double traffic = 0;
                double feedback = 0;
                double millis = 0;
                for (int r = 0; r < runs; r++) {
                    SimConfig base = SimConfig.defaults().withNodes(nodes).withSeed(seed + r);
                    SimConfig config = base.withCore(base.core().withGossip(g -> g.withEventRumorPolicy(policy)));
                    RumorResidue.Result result = RumorResidue.run(config, maxPeriods);
                    residue += result.residue() / runs;
                    traffic += result.trafficPerNode() / runs;
                    feedback += result.feedbackPerNode() / runs;
                    millis += result.durationMs() / runs;
                }
                double[] model = model(policy, k);
                out.println(String.format(Locale.ROOT, "%-17s %4d %10.5f %9.2f %9.5f %10.2f %9.0f %11.5f %8.2f",
                        variant, k, residue, traffic, Theory.residueForTraffic(traffic), feedback, millis, model[0],
                        model[1]));
            }
        }
        out.println();
        out.println("Demers et al. 1987, Table 1 (push, feedback, counter, n = 1000), k = 1..5: residue "
                + Theory.DEMERS_TABLE1_RESIDUE + ", traffic " + Theory.DEMERS_TABLE1_TRAFFIC);
        out.flush();
        return 0;
    }

    /** The epidemic model's mean residue and traffic for the same variant (push, fanout 1). */
    private double[] model(RumorPolicy policy, int k) {
        RumorFeedback feedback = policy.interest() == RumorPolicy.Interest.FEEDBACK ? RumorFeedback.FEEDBACK
                : RumorFeedback.BLIND;
        RumorStop stop = policy.stop() == RumorPolicy.Stop.COUNTER ? RumorStop.COUNTER : RumorStop.COIN;
        EpidemicConfig config = EpidemicConfig.defaults().withStyle(SpreadStyle.RUMOR).withRumor(feedback, stop, k)
                .withNodes(nodes);
        List<SpreadResult> results = Epidemic.runs(config, seed, Math.max(runs, 20));
        double residue = results.stream().mapToDouble(SpreadResult::residue).average().orElse(Double.NaN);
        double traffic = results.stream().mapToDouble(SpreadResult::trafficPerNode).average().orElse(Double.NaN);
        return new double[] {residue, traffic};
    }

    private void validate() {
        if (nodes < 10 || nodes > 100_000) {
            throw bad("--nodes", "must be in 10..100000: " + nodes);
        }
        for (int k : ks) {
            if (k < 1 || k > 1000) {
                throw bad("--k", "each k must be in 1..1000: " + k);
            }
        }
        for (String variant : variants) {
            if (!VARIANTS.contains(variant)) {
                throw bad("--variants", "'" + variant + "' is not one of " + String.join(", ", VARIANTS));
            }
        }
        if (runs < 1 || runs > 100) {
            throw bad("--runs", "must be in 1..100: " + runs);
        }
        if (maxPeriods < 10 || maxPeriods > 100_000) {
            throw bad("--max-periods", "must be in 10..100000: " + maxPeriods);
        }
    }

    private CommandLine.ParameterException bad(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + problem);
    }
}
