package io.grapevine.agent;

import io.grapevine.core.base.KeyPriority;
import io.grapevine.sim.reconcile.ReconcileConfig;
import io.grapevine.sim.reconcile.ReconcilePolicy;
import io.grapevine.sim.reconcile.ReconcileReport;
import io.grapevine.sim.reconcile.ReconcileResult;
import io.grapevine.sim.reconcile.ReconcileSimulation;
import io.grapevine.sim.reconcile.ReconcileWorkload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim reconcile}: Scuttlebutt reconciliation with the core's state engine
 * (breadth-first and depth-first deltas) against a precise-reconciliation baseline, on a load
 * workload or a starvation workload. Exit codes: 0 success, 2 bad usage (the message names the flag).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Scuttlebutt reconciliation (the core's ReplicatedState, breadth-first and depth-first) "
                + "against precise reconciliation: bytes, rounds and starvation.",
                "Each round every node runs one push-pull exchange (SYN digest, ACK delta+digest, ACK2 delta) "
                        + "with a random peer; deltas are cut to --budget bytes; bytes are the real wire encoding."})
public final class ReconcileCommand implements Callable<Integer> {
    private static final Map<String, String> FIELD_FLAGS = Map.of("nodes", "--nodes", "keys", "--keys",
            "valueBytes", "--value-bytes", "budgetBytes", "--budget", "maxRounds", "--max-rounds",
            "heavyWritesPerRound", "--heavy-writes", "heavyWriters", "--heavy-writers", "heavyKeys", "--heavy-keys",
            "quietRound", "--quiet-round");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", converter = WorkloadConverter.class, paramLabel = "load|starvation",
            description = "load: every node writes --keys keys at once; starvation: a heavy writer and a quiet "
                    + "node. Default: ${DEFAULT-VALUE}.", defaultValue = "load")
    private ReconcileWorkload workload;

    @Option(names = "--policy", split = ",", converter = PolicyConverter.class,
            paramLabel = "breadth-first|depth-first|precise",
            description = "Policies to compare (comma-separated). Default: all three.")
    private List<ReconcilePolicy> policies;

    @Option(names = "--nodes", paramLabel = "N", description = "Cluster size. Default: ${DEFAULT-VALUE}.",
            defaultValue = "64")
    private int nodes;

    @Option(names = "--keys", paramLabel = "K", description = "load: keys each node writes. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    private int keys;

    @Option(names = "--key-class", converter = PriorityConverter.class, paramLabel = "CRITICAL|CONTROL|BULK",
            description = "load: class of the keys. Default: ${DEFAULT-VALUE}.", defaultValue = "CONTROL")
    private KeyPriority keyClass;

    @Option(names = "--value-bytes", paramLabel = "BYTES", description = "Size of each value. Default: ${DEFAULT-VALUE}.",
            defaultValue = "32")
    private int valueBytes;

    @Option(names = "--budget", paramLabel = "BYTES", description = "Byte budget of each delta. Default: "
            + "${DEFAULT-VALUE} (1,400-byte MTU less 64 for headers).", defaultValue = "1336")
    private int budget;

    @Option(names = "--heavy-writers", paramLabel = "H", description = "starvation: nodes 0..H-1 write heavily; "
            + "node H is the quiet one. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    private int heavyWriters;

    @Option(names = "--heavy-writes", paramLabel = "W", description = "starvation: each heavy writer's writes per round. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "200")
    private int heavyWrites;

    @Option(names = "--heavy-keys", paramLabel = "K", description = "starvation: distinct keys each heavy writer cycles over. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "2000")
    private int heavyKeys;

    @Option(names = "--heavy-class", converter = PriorityConverter.class, paramLabel = "CRITICAL|CONTROL|BULK",
            description = "starvation: class of the heavy writers' keys. Default: ${DEFAULT-VALUE}.", defaultValue = "BULK")
    private KeyPriority heavyClass;

    @Option(names = "--quiet-class", split = ",", converter = PriorityConverter.class, paramLabel = "CRITICAL|CONTROL|BULK",
            description = "starvation: class(es) of the quiet key, comma-separated. Default: BULK,CRITICAL.")
    private List<KeyPriority> quietClasses;

    @Option(names = "--quiet-round", paramLabel = "ROUND", description = "starvation: round the quiet key is "
            + "written in. Default: ${DEFAULT-VALUE}.", defaultValue = "10")
    private int quietRound;

    @Option(names = "--max-rounds", paramLabel = "ROUNDS", description = "Stop a run after this many rounds. "
            + "Default: 20000 for load, 300 for starvation.")
    private Integer maxRounds;

    @Option(names = "--runs", paramLabel = "R", description = "Runs per policy; run r uses seed S + r. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of run 0. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    private long seed;

    @Option(names = "--format", paramLabel = "text|json|csv", description = "Output format. Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    private String format;

    /** Runs the command alone (for manual runs before it is registered under {@code grapevine sim}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReconcileCommand()).execute(args));
    }

    @Override
    public Integer call() {
        ReconcileConfig config = validated();
        List<ReconcilePolicy> chosen = policies == null ? List.of(ReconcilePolicy.values()) : policies;
        List<KeyPriority> classes = workload == ReconcileWorkload.LOAD ? List.of(keyClass)
                : quietClasses == null ? List.of(KeyPriority.BULK, KeyPriority.CRITICAL) : quietClasses;
        List<ReconcileResult> results = new ArrayList<>();
        for (KeyPriority quietClass : classes) {
            for (ReconcilePolicy policy : chosen) {
                for (int r = 0; r < runs; r++) {
                    results.add(ReconcileSimulation.run(config, policy, quietClass, seed + r));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.print(ReconcileReport.json(config, seed, results));
            case "csv" -> out.print(ReconcileReport.csv(results));
            default -> out.print(ReconcileReport.text(config, seed, runs, results));
        }
        out.flush();
        return 0;
    }

    private ReconcileConfig validated() {
        if (runs < 1) {
            throw bad("--runs", "must be >= 1: " + runs);
        }
        if (!List.of("text", "json", "csv").contains(format)) {
            throw bad("--format", "'" + format + "' is not one of text, json, csv");
        }
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> loadOnly = List.of("--keys", "--key-class");
        List<String> starvationOnly = List.of("--heavy-writers", "--heavy-writes", "--heavy-keys", "--heavy-class", "--quiet-class",
                "--quiet-round");
        for (String flag : workload == ReconcileWorkload.LOAD ? starvationOnly : loadOnly) {
            if (parsed.hasMatchedOption(flag)) {
                throw bad(flag, flag + " does not apply to --workload " + workload.cliName());
            }
        }
        int rounds = maxRounds != null ? maxRounds : workload == ReconcileWorkload.LOAD ? 20_000 : 300;
        try {
            return new ReconcileConfig(workload, nodes, keys, keyClass, valueBytes, budget, rounds, heavyWriters, heavyWrites,
                    heavyKeys, heavyClass, quietRound);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().split(" ", 2)[0];
            throw bad(FIELD_FLAGS.getOrDefault(field, "--" + field), e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String flag, String message) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + flag + "': " + message);
    }

    /** Parses {@code --workload}. */
    static final class WorkloadConverter implements CommandLine.ITypeConverter<ReconcileWorkload> {
        @Override
        public ReconcileWorkload convert(String value) {
            return ReconcileWorkload.parse(value);
        }
    }

    /** Parses a key class, case-insensitively. */
    static final class PriorityConverter implements CommandLine.ITypeConverter<KeyPriority> {
        @Override
        public KeyPriority convert(String value) {
            for (KeyPriority priority : KeyPriority.values()) {
                if (priority.name().equalsIgnoreCase(value)) {
                    return priority;
                }
            }
            throw new IllegalArgumentException("'" + value + "' is not one of CRITICAL, CONTROL, BULK");
        }
    }

    /** Parses {@code --policy}. */
    static final class PolicyConverter implements CommandLine.ITypeConverter<ReconcilePolicy> {
        @Override
        public ReconcilePolicy convert(String value) {
            return ReconcilePolicy.parse(value);
        }
    }
}
