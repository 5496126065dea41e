package io.grapevine.bench.cluster;

import io.grapevine.agent.config.Profile;
import io.grapevine.bench.peer.SerfCluster;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the loopback cluster benchmark. Runs one standard scenario (S1 join, S1ROLL
 * rolling join, S2 failure, S3 dissemination, S4 leave, S5 idle cost) R times on N Grapevine nodes on
 * 127.0.0.1, then, with {@code --peer serf}, R times on N Serf agents, one system after the
 * other so that they never share the machine, and prints median, p90 and max, the ratio, and
 * each system's setup. {@code --summary-out} appends a compact summary (figures, setup, commit,
 * command line) to a file; per-node traces go only to a {@code --trace-dir} the user names.
 *
 * <p>Self-contained: registered as a subcommand of {@code grapevine}, or run through
 * {@link #main}. Exit code 0 on success, 1 if any run timed out, 2 on bad arguments.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loopback cluster benchmark: standard scenarios S1, S1ROLL, S2-S5 on N nodes, optionally "
                + "beside Serf.",
                "Times run from the action, as issued by this runner, to the moment the last node reported the "
                        + "outcome (wall clock shared by every process on the machine)."})
public final class BenchCommand implements Callable<Integer> {
    /**
     * The flags agent JVMs get unless {@code --jvm-flags} says otherwise: tuned for a small RSS.
     * {@code -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20} let the serial collector give back
     * the heap that start-up garbage grew (an idle agent keeps about 10 MB live; without them the
     * committed heap stays near 24 MB: 1-3 MiB more RSS); docs/PERFORMANCE.md, "RSS of an
     * agent", measures each flag. The agents also run with {@code MALLOC_ARENA_MAX=2}
     * ({@link io.grapevine.agent.demo.AgentLauncher#LEAN_ENVIRONMENT}).
     */
    public static final List<String> DEFAULT_JVM_FLAGS = List.of("-Xms8m", "-Xmx48m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:MaxMetaspaceSize=48m",
            "-XX:ReservedCodeCacheSize=16m", "-XX:MaxDirectMemorySize=16m", "-XX:-UsePerfData",
            "-Dio.netty.allocator.type=unpooled");
    private static final int PROCESSES_FROM = 32;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "s1 (join), s1roll (rolling join), s2 (failure), "
            + "s2pause (a tolerated pause), s3 (dissemination), s4 (leave), s5 (idle cost), flood (a garbage flood) or soak (writes, events, kills and restarts for --duration-s)")
    private String scenarioName;

    @Option(names = "--nodes", paramLabel = "N", description = "Cluster size, 2..256. Default: ${DEFAULT-VALUE}.")
    private int nodes = 8;

    @Option(names = "--runs", paramLabel = "R", description = "Measured runs per system, 1..1000. Default: ${DEFAULT-VALUE}.")
    private int runs = 3;

    @Option(names = "--warmup", paramLabel = "W", description = "Unreported runs first, per system, 0..100. Default: ${DEFAULT-VALUE}.")
    private int warmup = 1;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    private String format = "text";

    @Option(names = "--processes", description = "Each Grapevine node a real 'grapevine agent' process, driven "
            + "over its HTTP API (default for N >= 32).")
    private boolean processes;

    @Option(names = "--in-jvm", description = "Every Grapevine node in this JVM (default for N < 32).")
    private boolean inJvm;

    @Option(names = "--duration-s", paramLabel = "S", description = "S5: seconds of idling measured; flood: seconds of flooding; soak: seconds of load; 5..86400. Default: ${DEFAULT-VALUE}.")
    private int durationSeconds = 60;

    @Option(names = "--timeout-s", paramLabel = "S", description = "Longest wait for one outcome, 1..3600. Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds = 120;

    @Option(names = "--settle-ms", paramLabel = "MS", description = "Pause after convergence before the action, 0..600000. Default: ${DEFAULT-VALUE}.")
    private long settleMillis = 2_000;

    @Option(names = "--peer", paramLabel = "PEER", description = "none or serf: also run the scenario on that peer. Default: ${DEFAULT-VALUE}.")
    private String peer = "none";

    @Option(names = "--serf-binary", paramLabel = "PATH", description = "The serf executable. Default: ${DEFAULT-VALUE}.")
    private String serfBinary = "serf";

    @Option(names = "--jvm-flags", paramLabel = "FLAGS", description = "Flags for the agent JVMs, space-separated. Default: "
            + "-Xms8m -Xmx48m -Xss256k -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 "
            + "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 "
            + "-XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=16m -XX:-UsePerfData "
            + "-Dio.netty.allocator.type=unpooled.")
    private String jvmFlags = String.join(" ", DEFAULT_JVM_FLAGS);

    @Option(names = "--failure", paramLabel = "HOW", description = "S2: kill (kill -9: a crashed process, whose "
            + "ports then refuse connections) or stop (SIGSTOP: a hung process or silent host; separate processes only). "
            + "Default: ${DEFAULT-VALUE}.")
    private String failure = "kill";

    @Option(names = "--pause-ms", paramLabel = "MS", description = "S2PAUSE: how long the victim stays frozen "
            + "(SIGSTOP) before it is resumed (SIGCONT), 1..600000. Default: ${DEFAULT-VALUE}.")
    private long pauseMillis = 5_000;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Grapevine's protocol timings: lan, wan, local or "
            + "fast (the agent's --profile). Serf always runs -profile=lan, so a ratio is only made at lan. "
            + "Default: ${DEFAULT-VALUE}.")
    private String profile = "lan";

    @Option(names = "--kill-every-s", paramLabel = "S", description = "soak: seconds between kills (each victim "
            + "restarted 10 s later and rejoined); 0 for none; 0..86400. Default: ${DEFAULT-VALUE}.")
    private int killEverySeconds = 60;

    @Option(names = "--csv-out", paramLabel = "FILE", description = "soak: every node's RSS and CPU time, sampled "
            + "every 10 s, as CSV (a run's own file when --runs > 1).")
    private Path csvOut;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "soak: RSS and CPU per node over time, as a PNG.")
    private Path plot;

    @Option(names = "--plaintext", description = "Both systems unencrypted (Grapevine --plaintext, Serf without "
            + "-encrypt) instead of AES-256-GCM with a fresh key per run.")
    private boolean plaintext;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write the JSON report to this file.")
    private Path jsonOut;

    @Option(names = "--summary-out", paramLabel = "FILE", description = "Append the compact summary (figures per "
            + "system, false positives, setup, commit, command line) to this file as one JSON line.")
    private Path summaryOut;

    @Option(names = "--trace-dir", paramLabel = "DIR", description = "Write what every node reported in each run "
            + "to DIR/SYSTEM-SCENARIO-nN-runK.tsv (node, arrival millis, event), to explain a slow run; SCENARIO is s2stop "
            + "for --failure stop and s2pauseMS for s2pause, so every scenario of an invocation can share DIR.")
    private Path traceDir;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where agent logs and peer config go. Default: a new temporary directory.")
    private Path workDir;

    /**
     * Runs {@code bench} with {@code args} and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    /** Checks the arguments; the message names the offending flag and value. */
    BenchScenario validate() {
        BenchScenario scenario;
        try {
            scenario = BenchScenario.valueOf(scenarioName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("SCENARIO must be one of s1, s1roll, s2, s2pause, s3, s4, s5, flood, soak: " + scenarioName);
        }
        range("--nodes", nodes, 2, 256);
        range("--runs", runs, 1, 1000);
        range("--warmup", warmup, 0, 100);
        range("--duration-s", durationSeconds, 5, 86_400);
        range("--kill-every-s", killEverySeconds, 0, 86_400);
        parent("--csv-out", csvOut);
        parent("--plot", plot);
        if ((csvOut != null || plot != null) && scenario != BenchScenario.SOAK) {
            throw invalid("--csv-out and --plot are for the soak only");
        }
        range("--timeout-s", timeoutSeconds, 1, 3600);
        range("--settle-ms", settleMillis, 0, 600_000);
        range("--pause-ms", pauseMillis, 1, 600_000);
        try {
            Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (!profile.equals("lan") && peer.equals("serf")) {
            throw invalid("--profile " + profile + " has no Serf counterpart (Serf runs -profile=lan): drop --peer serf");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw invalid("--format must be text or json: " + format);
        }
        if (!peer.equals("none") && !peer.equals("serf")) {
            throw invalid("--peer must be none or serf: " + peer);
        }
        if (processes && inJvm) {
            throw invalid("--processes and --in-jvm are mutually exclusive");
        }
        parent("--json-out", jsonOut);
        parent("--summary-out", summaryOut);
        if (!failure.equals("kill") && !failure.equals("stop")) {
            throw invalid("--failure must be kill or stop: " + failure);
        }
        if (failure.equals("stop") && !separateProcesses()) {
            throw invalid("--failure stop needs separate processes (--processes, or --nodes 32 or more)");
        }
        if (plaintext && !separateProcesses()) {
            throw invalid("--plaintext needs separate processes (--processes, or --nodes 32 or more)");
        }
        if (scenario == BenchScenario.SOAK && !separateProcesses()) {
            throw invalid("soak needs separate processes (--processes, or --nodes 32 or more)");
        }
        if (scenario == BenchScenario.FLOOD && !separateProcesses()) {
            throw invalid("flood needs separate processes (--processes, or --nodes 32 or more)");
        }
        if (scenario == BenchScenario.S2PAUSE && !separateProcesses()) {
            throw invalid("s2pause needs separate processes (--processes, or --nodes 32 or more)");
        }
        return scenario;
    }

    private void range(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(flag + " must be in " + min + ".." + max + ": " + value);
        }
    }

    /** A file flag whose directory does not exist is refused before any run, not after the last. */
    private void parent(String flag, Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw invalid(flag + " must be a file in an existing directory: " + file);
        }
        if (Files.isDirectory(file)) {
            throw invalid(flag + " must be a file, not a directory: " + file);
        }
    }

    private ParameterException invalid(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * The scenario's name in trace file names, with what tells its variants apart, so that one
     * {@code --trace-dir} can take every scenario of an invocation: {@code s2} (killed),
     * {@code s2stop} (frozen), {@code s2pause5000} (frozen for 5000 ms, then resumed).
     */
    String traceName(BenchScenario scenario) {
        if (scenario == BenchScenario.S2 && failure.equals("stop")) {
            return "s2stop";
        }
        if (scenario == BenchScenario.S2PAUSE) {
            return "s2pause" + pauseMillis;
        }
        return scenario.flag();
    }

    /** True if Grapevine nodes run in separate JVMs. */
    boolean separateProcesses() {
        return processes || !inJvm && nodes >= PROCESSES_FROM;
    }

    @Override
    public Integer call() throws Exception {
        BenchScenario scenario = validate();
        Provenance provenance = Provenance.of(spec.commandLine().getParseResult().originalArgs());
        Path dir = workDir != null ? workDir : Files.createTempDirectory("grapevine-bench-");
        List<String> flags = Arrays.stream(jvmFlags.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        PrintWriter err = spec.commandLine().getErr();
        List<SystemResult> results = new ArrayList<>();
        try (ClusterUnderTest ours = separateProcesses() ? new ProcessCluster(nodes, flags, dir, err).withProfile(profile).withPlaintext(plaintext)
                : new InJvmCluster(nodes, Profile.parse(profile))) {
            results.add(measure(ours, scenario, err));
        }
        if (peer.equals("serf")) {
            try (ClusterUnderTest serf = new SerfCluster(nodes, serfBinary, dir).withPlaintext(plaintext)) {
                results.add(measure(serf, scenario, err));
            }
        }
        Report report = new Report(scenario, nodes, results);
        PrintWriter out = spec.commandLine().getOut();
        out.println(format.equals("json") ? ReportJson.full(report) : report.text());
        if (scenario == BenchScenario.S2 && format.equals("text")) {
            out.println("S2 victim: " + (failure.equals("stop") ? "frozen (SIGSTOP)" : "killed (kill -9)"));
        }
        if (scenario == BenchScenario.S2PAUSE && format.equals("text")) {
            out.println("S2PAUSE victim: frozen (SIGSTOP) for " + pauseMillis + " ms, then resumed (SIGCONT)");
        }
        out.flush();
        if (jsonOut != null) {
            Files.writeString(jsonOut, ReportJson.full(report) + System.lineSeparator());
        }
        if (summaryOut != null) {
            Files.writeString(summaryOut, ReportJson.summary(report, provenance) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return results.stream().anyMatch(r -> r.timeouts() > 0) ? 1 : 0;
    }

    private SystemResult measure(ClusterUnderTest cluster, BenchScenario scenario, PrintWriter err)
            throws Exception {
        ScenarioRunner runner = new ScenarioRunner(cluster, timeoutSeconds * 1000L, settleMillis,
                durationSeconds * 1000L, err).freezingVictim(failure.equals("stop")).pausingFor(pauseMillis)
                .soaking(killEverySeconds * 1000L, csvOut, plot);
        List<RunOutcome> measured = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            RunOutcome outcome;
            try {
                outcome = runner.run(scenario);
            } catch (IllegalStateException | java.io.IOException e) {
                // a node that would not start or converge: count the run as failed and go on
                err.println(cluster.system() + " " + scenario.name() + " run failed: " + e);
                outcome = RunOutcome.failed();
            }
            boolean counted = i >= warmup;
            if (traceDir != null) {
                Files.createDirectories(traceDir);
                Files.write(traceDir.resolve(String.format(Locale.ROOT, "%s-%s-n%d-%s%d.tsv", cluster.system(),
                        traceName(scenario), nodes, counted ? "run" : "warmup",
                        counted ? i - warmup + 1 : i + 1)), cluster.observations().trace());
            }
            if (counted) {
                measured.add(outcome);
            }
            err.println(String.format(Locale.ROOT, "%s %s N=%d %s %d/%d: %s", cluster.system(), scenario.name(), nodes,
                    counted ? "run" : "warm-up", counted ? i - warmup + 1 : i + 1, counted ? runs : warmup,
                    outcome.ordered()));
            err.flush();
        }
        return new SystemResult(cluster.system(), cluster.setup(), measured);
    }
}
