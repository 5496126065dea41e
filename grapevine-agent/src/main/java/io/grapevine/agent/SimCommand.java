package io.grapevine.agent;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.network.NetworkModel;
import io.grapevine.sim.report.ReportFormat;
import io.grapevine.sim.scenario.Scenario;
import io.grapevine.sim.scenario.ScenarioConfig;
import io.grapevine.sim.scenario.Scenarios;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code grapevine sim <scenario>}: runs a simulator scenario R times (run r uses seed S+r) and
 * prints the results as text, JSON lines or CSV. Bad flags exit with code 2 and a message that
 * names the flag.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {SimDemoCommand.class, EpidemicCommand.class, ReconcileCommand.class, MerkleCommand.class,
                CostCurveCommand.class, MailRetryCommand.class, RumorVariantsCommand.class,
                FlowControlCommand.class,
                RingRepairCommand.class, ZonesCommand.class},
        description = {"Runs a scenario on the deterministic simulator.",
                "Scenarios: join, failure, event, leave, pause, partition-heal, slow-nodes, bootstrap, restart, idle.",
                "Also: 'sim demo' (a simulated cluster's join, crash and convergence as a short report),",
                "'sim epidemic' (one update's spread), 'sim reconcile' (Scuttlebutt policies)",
                "and 'sim zones' (zone-aware gossip against flat)."})
public final class SimCommand implements Callable<Integer> {
    private static final long MS = 1_000_000L;
    private static final int HISTORY_AUTO_LIMIT = 2_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<scenario>", description = "The scenario to run.")
    private String scenario;

    @Option(names = "--nodes", defaultValue = "64", description = "Cluster size, at least 2 (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of run 0; run r uses seed+r (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--runs", defaultValue = "1", description = "Number of runs, at least 1 (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--periods", defaultValue = "120",
            description = "Observation window in protocol periods (default: ${DEFAULT-VALUE}).")
    private int periods;

    @Option(names = "--profile", defaultValue = "lan",
            description = "Core and network profile: lan, wan, local or fast (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--lifeguard", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Lifeguard on or off (default: on).")
    private boolean lifeguard;

    @Option(names = "--quorum", description = "Declare death only on a majority of suspicions (Redis-style).")
    private boolean quorum;

    @Option(names = "--probe-interval-ms", description = "Protocol period in ms (default: the profile's).")
    private Double probeIntervalMs;

    @Option(names = "--probe-timeout-ms", description = "Direct probe timeout in ms (default: the profile's, "
            + "or half the probe interval when only that is given).")
    private Double probeTimeoutMs;

    @Option(names = "--pause-tolerance-ms", description = "How long a member may be silent and still be taken back, "
            + "in ms; 0 leaves failure detection to Lifeguard's timeouts alone (default: the profile's, 5000 on lan).")
    private Double pauseToleranceMs;

    @Option(names = "--proof-first-acks", description = "Answers a suspect member's first refutation needs before "
            + "it is taken back, 0..16; 0 takes it at once (default: the core's, 0).")
    private Integer proofFirstAcks;

    @Option(names = "--history", description = "Transitions kept per member (explanations only; default: the "
            + "core's 16 up to " + HISTORY_AUTO_LIMIT + " nodes, 0 above, to fit N x N tables in memory).")
    private Integer history;

    @Option(names = "--max-rumors", description = "Most rumors a node queues (default: the core's 8192). Lower it "
            + "to bound memory in very large simulations: overflow drops rumors and leaves the rest to push-pull.")
    private Integer maxRumors;

    @Option(names = "--adaptive", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Adaptive gossip: fanout grows with N, a backlog shortens the round (default: on; "
                    + "--no-adaptive for the fixed fanout and interval).")
    private boolean adaptive;

    @Option(names = "--flow-budget", description = "Flow control's byte budget per node per second, 0 (off) or "
            + "1024..2^40 (default: the core's 262144).")
    private Long flowBudget;

    @Option(names = "--loss", defaultValue = "0", description = "Datagram loss probability in [0, 1] (default: ${DEFAULT-VALUE}).")
    private double loss;

    @Option(names = "--duplicate", defaultValue = "0", description = "Datagram duplication probability in [0, 1) (default: ${DEFAULT-VALUE}).")
    private double duplicate;

    @Option(names = "--latency-ms", description = "Base one-way latency in ms (default: the profile's, 0.5 on lan).")
    private Double latencyMs;

    @Option(names = "--jitter-ms", description = "Latency jitter in ms (default: the profile's, 1.5 on lan).")
    private Double jitterMs;

    @Option(names = "--slow-fraction", defaultValue = "0.05", description = "slow-nodes: fraction of slow nodes in [0, 1] (default: ${DEFAULT-VALUE}).")
    private double slowFraction;

    @Option(names = "--slow-min-ms", defaultValue = "500", description = "slow-nodes: least processing delay in ms (default: ${DEFAULT-VALUE}).")
    private double slowMinMs;

    @Option(names = "--slow-max-ms", defaultValue = "3000", description = "slow-nodes: largest processing delay in ms (default: ${DEFAULT-VALUE}).")
    private double slowMaxMs;

    @Option(names = "--cold-start", description = "Form the cluster by N cold joins through node 0 before the fault, "
            + "not from a converged view (join and bootstrap always join cold).")
    private boolean coldStart;

    @Option(names = "--write-rate", defaultValue = "0", description = "idle: replicated-state writes per second over "
            + "the whole cluster during the window, by random nodes (default: ${DEFAULT-VALUE}).")
    private double writeRate;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the empirical CDF of the outcome "
            + "over the runs (for failure: the time until every survivor holds the victim dead) as a PNG to FILE.")
    private java.nio.file.Path plot;

    @Option(names = "--pause-ms", defaultValue = "3000", description = "pause: length of the pause in ms (default: ${DEFAULT-VALUE}).")
    private double pauseMs;

    @Option(names = "--partition-ms", defaultValue = "30000", description = "partition-heal: partition length in ms (default: ${DEFAULT-VALUE}).")
    private double partitionMs;

    @Option(names = "--downtime-ms", defaultValue = "2000", description = "restart: downtime before the new life in ms (default: ${DEFAULT-VALUE}).")
    private double downtimeMs;

    @Option(names = "--join-spread-ms", defaultValue = "1000", description = "Joins are spread over this window in ms (default: ${DEFAULT-VALUE}).")
    private double joinSpreadMs;

    @Option(names = "--settle-ms", defaultValue = "5000", description = "Quiet time after warm-up before the fault, in ms (default: ${DEFAULT-VALUE}).")
    private double settleMs;

    @Override
    public Integer call() {
        if (scenario == null) {
            throw bad("<scenario>", "missing; expected one of " + String.join(", ", Scenarios.names())
                    + ", or the subcommands demo, epidemic, reconcile, merkle, ring-repair, cost-curve, mail-retry, "
                    + "rumor-variants, flow-control, zones");
        }
        Scenario chosen = Scenarios.byName(scenario).orElseThrow(() -> bad("<scenario>",
                "unknown scenario '" + scenario + "'; expected one of " + String.join(", ", Scenarios.names())));
        ReportFormat reportFormat = parseFormat();
        validateRanges();
        SimConfig base = simConfig();
        ScenarioConfig params = scenarioConfig();
        List<RunResult> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            results.add(chosen.run(base.withSeed(seed + r), params));
        }
        PrintWriter out = spec.commandLine().getOut();
        reportFormat.write(results, out);
        out.flush();
        if (plot != null) {
            try {
                io.grapevine.agent.plot.OutcomeCdfChart.write(chosen.name(), nodes, results, plot);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("sim: cannot write --plot " + plot + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private ReportFormat parseFormat() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw bad("--format", "must be text, json or csv: " + format);
        }
    }

    private void validateRanges() {
        if (nodes < 2 || nodes > SimConfig.MAX_NODES) {
            throw bad("--nodes", "must be in 2.." + SimConfig.MAX_NODES + ": " + nodes);
        }
        if (runs < 1) {
            throw bad("--runs", "must be >= 1: " + runs);
        }
        if (periods < 1) {
            throw bad("--periods", "must be >= 1: " + periods);
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw bad("--loss", "must be in [0, 1]: " + loss);
        }
        if (!(duplicate >= 0 && duplicate < 1)) {
            throw bad("--duplicate", "must be in [0, 1): " + duplicate);
        }
        if (!(slowFraction >= 0 && slowFraction <= 1)) {
            throw bad("--slow-fraction", "must be in [0, 1]: " + slowFraction);
        }
        if (!List.of("lan", "wan", "local", "fast").contains(profile)) {
            throw bad("--profile", "must be lan, wan, local or fast: " + profile);
        }
    }

    private SimConfig simConfig() {
        CoreConfig core = switch (profile) {
            case "wan" -> CoreConfig.wan();
            case "local" -> CoreConfig.local();
            case "fast" -> CoreConfig.fast();
            default -> CoreConfig.lan();
        };
        NetworkModel network = profile.equals("wan") ? NetworkModel.wan() : NetworkModel.lan();
        core = core.withDetector(p -> p.withLifeguard(lifeguard)).withDetector(p -> p.withQuorumFailureDetection(quorum));
        core = withProbeTimes(core);
        if (pauseToleranceMs != null) {
            long tolerance = nanos("--pause-tolerance-ms", pauseToleranceMs);
            core = core.withDetector(p -> p.withPauseToleranceNanos(tolerance));
        }
        if (proofFirstAcks != null) {
            if (proofFirstAcks < 0 || proofFirstAcks > 16) {
                throw bad("--proof-first-acks", "must be in 0..16: " + proofFirstAcks);
            }
            core = core.withDetector(p -> p.withProofOfLifeFirstAcks(proofFirstAcks));
        }
        if (history != null && (history < 0 || history > 1024)) {
            throw bad("--history", "must be in 0..1024: " + history);
        }
        int historyPerMember = history != null ? history : nodes > HISTORY_AUTO_LIMIT ? 0 : core.membership().historyPerMember();
        core = core.withMembership(p -> p.withHistoryPerMember(historyPerMember));
        if (maxRumors != null) {
            try {
                core = core.withGossip(p -> p.withMaxRumors(maxRumors));
            } catch (IllegalArgumentException e) {
                throw bad("--max-rumors", e.getMessage());
            }
        }
        boolean adaptation = adaptive;
        core = core.withGossip(p -> p.withAdaptiveFanout(adaptation).withAdaptiveInterval(adaptation));
        if (flowBudget != null) {
            try {
                core = core.withGossip(p -> p.withFlowBudgetBytesPerSecond(flowBudget));
            } catch (IllegalArgumentException e) {
                throw bad("--flow-budget", e.getMessage());
            }
        }
        network = network.withLossProbability(loss).withDuplicateProbability(duplicate);
        if (latencyMs != null) {
            network = network.withBaseLatencyNanos(nanos("--latency-ms", latencyMs));
        }
        if (jitterMs != null) {
            network = network.withJitterNanos(nanos("--jitter-ms", jitterMs));
        }
        return SimConfig.defaults().withNodes(nodes).withSeed(seed).withCore(core).withNetwork(network)
                .withJoinSpreadNanos(nanos("--join-spread-ms", joinSpreadMs))
                .withSettleNanos(nanos("--settle-ms", settleMs));
    }

    private ScenarioConfig scenarioConfig() {
        long slowMin = positiveNanos("--slow-min-ms", slowMinMs);
        long slowMax = positiveNanos("--slow-max-ms", slowMaxMs);
        if (slowMax < slowMin) {
            throw bad("--slow-max-ms", "must be >= --slow-min-ms (" + slowMinMs + "): " + slowMaxMs);
        }
        return new ScenarioConfig(periods, positiveNanos("--pause-ms", pauseMs),
                positiveNanos("--partition-ms", partitionMs), nanos("--downtime-ms", downtimeMs), slowFraction,
                slowMin, slowMax, coldStart, writesPerSecond());
    }

    private double writesPerSecond() {
        if (!(writeRate >= 0 && writeRate <= 1_000_000)) {
            throw bad("--write-rate", "must be in 0..1000000 writes per second: " + writeRate);
        }
        return writeRate;
    }

    private CoreConfig withProbeTimes(CoreConfig core) {
        if (probeIntervalMs == null && probeTimeoutMs == null) {
            return core;
        }
        long interval = probeIntervalMs != null ? positiveNanos("--probe-interval-ms", probeIntervalMs)
                : core.detector().probeIntervalNanos();
        long timeout = probeTimeoutMs != null ? positiveNanos("--probe-timeout-ms", probeTimeoutMs)
                : probeIntervalMs != null ? interval / 2 : core.detector().probeTimeoutNanos();
        if (timeout >= interval) {
            throw bad(probeTimeoutMs != null ? "--probe-timeout-ms" : "--probe-interval-ms",
                    "the probe timeout (" + timeout / MS + " ms) must be below the probe interval ("
                            + interval / MS + " ms)");
        }
        // Copy in an order that keeps timeout < interval at every step.
        return core.withDetector(p -> p.withProbeTimeoutNanos(Math.min(timeout, core.detector().probeTimeoutNanos())))
                .withDetector(p -> p.withProbeIntervalNanos(interval)).withDetector(p -> p.withProbeTimeoutNanos(timeout));
    }

    private long nanos(String flag, double millis) {
        if (!(millis >= 0) || millis > 1e9) {
            throw bad(flag, "must be a duration in ms >= 0: " + millis);
        }
        return Math.round(millis * MS);
    }

    private long positiveNanos(String flag, double millis) {
        long value = nanos(flag, millis);
        if (value <= 0) {
            throw bad(flag, "must be > 0: " + millis);
        }
        return value;
    }

    private ParameterException bad(String flag, String problem) {
        return new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "Invalid value for %s: %s", flag, problem));
    }
}
