package io.grapevine.agent;

import io.grapevine.sim.epidemic.Epidemic;
import io.grapevine.sim.epidemic.EpidemicConfig;
import io.grapevine.sim.epidemic.EpidemicReport;
import io.grapevine.sim.epidemic.RumorFeedback;
import io.grapevine.sim.epidemic.RumorStop;
import io.grapevine.sim.epidemic.SpreadMode;
import io.grapevine.sim.epidemic.SpreadResult;
import io.grapevine.sim.epidemic.SpreadStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim epidemic}: the abstract epidemic models of {@code io.grapevine.sim.epidemic}
 * (anti-entropy, rumor mongering, direct mail) on N nodes, with the classic theory next to the
 * measurement. Exit codes: 0 success, 2 bad usage (the message names the flag), 1 an output file
 * could not be written.
 */
@Command(name = "epidemic", mixinStandardHelpOptions = true,
        description = {"Spread of one update through N nodes in an abstract epidemic model (Demers et al. 1987; "
                + "Karp et al. 2000), compared with theory.",
                "Timing: --sync gives synchronous rounds (everyone acts on the state at the start of the round); "
                        + "the default is asynchronous: each node acts once per period at its own random phase "
                        + "and sees updates at once."})
public final class EpidemicCommand implements Callable<Integer> {
    private static final Map<String, String> FIELD_FLAGS = Map.of("nodes", "--nodes", "fanout", "--fanout", "k", "--k",
            "loss", "--loss", "maxRounds", "--max-rounds", "mode", "--mode", "digestBytes", "--digest-bytes",
            "updateBytes", "--update-bytes");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--style", converter = StyleConverter.class, paramLabel = "anti-entropy|rumor|direct",
            description = "How the update travels. Default: ${DEFAULT-VALUE}.", defaultValue = "anti-entropy")
    private SpreadStyle style;

    @Option(names = "--mode", converter = ModeConverter.class, paramLabel = "push|pull|push-pull",
            description = "Who carries the update in an exchange (rumor: push only). Default: ${DEFAULT-VALUE}.",
            defaultValue = "push")
    private SpreadMode mode;

    @Option(names = "--rumor", converter = FeedbackConverter.class, paramLabel = "feedback|blind",
            description = "Rumor only: lose interest on pushes to nodes that knew (feedback) or on every push (blind). "
                    + "Default: ${DEFAULT-VALUE}.", defaultValue = "feedback")
    private RumorFeedback feedback;

    @Option(names = "--stop", converter = StopConverter.class, paramLabel = "counter|coin",
            description = "Rumor only: removed after k events (counter) or with probability 1/k per event (coin). "
                    + "Default: ${DEFAULT-VALUE}.", defaultValue = "counter")
    private RumorStop stop;

    @Option(names = "--k", paramLabel = "K", description = "Rumor only: counter limit or inverse coin probability. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    private int k;

    @Option(names = "--fanout", paramLabel = "F", description = "Peers contacted per node and round. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    private int fanout;

    @Option(names = "--sync", description = "Synchronous rounds instead of asynchronous periods.")
    private boolean sync;

    @Option(names = "--nodes", paramLabel = "N", description = "Cluster size. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1000")
    private int nodes;

    @Option(names = "--runs", paramLabel = "R", description = "Runs; run r uses seed S + r. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of run 0. Default: ${DEFAULT-VALUE}.", defaultValue = "1")
    private long seed;

    @Option(names = "--loss", paramLabel = "P", description = "Probability a message is lost, in [0, 1). "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "0")
    private double loss;

    @Option(names = "--max-rounds", paramLabel = "ROUNDS", description = "Stop a run after this many rounds. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "10000")
    private int maxRounds;

    @Option(names = "--digest-bytes", paramLabel = "BYTES", description = "Size of a message without the update "
            + "(digest, request, feedback reply). Default: ${DEFAULT-VALUE}.", defaultValue = "64")
    private int digestBytes;

    @Option(names = "--update-bytes", paramLabel = "BYTES", description = "Extra size of a message carrying the update. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "32")
    private int updateBytes;

    @Option(names = "--format", paramLabel = "text|json|csv", description = "Output format. Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    private String format;

    @Option(names = "--curve-out", paramLabel = "FILE", description = "Also write the per-round informed fraction "
            + "(long-format CSV: run,round,informed_fraction) to FILE; csv output then omits its curve section.")
    private Path curveOut;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the informed fraction per round "
            + "(each run, up to 10, and the mean-field theory for anti-entropy) as a PNG to FILE.")
    private Path plot;

    /** Runs the command alone (for manual runs before it is registered under {@code grapevine sim}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EpidemicCommand()).execute(args));
    }

    @Override
    public Integer call() {
        EpidemicConfig config = validated();
        List<SpreadResult> results = Epidemic.runs(config, seed, runs);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.print(EpidemicReport.json(config, seed, results));
            case "csv" -> {
                out.print(EpidemicReport.csvRuns(results));
                if (curveOut == null) {
                    out.print('\n');
                    out.print(EpidemicReport.csvCurve(results));
                }
            }
            default -> out.print(EpidemicReport.text(config, seed, results));
        }
        out.flush();
        if (curveOut != null) {
            try {
                Files.writeString(curveOut, EpidemicReport.csvCurve(results), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("epidemic: cannot write --curve-out " + curveOut + ": " + e.getMessage());
                return 1;
            }
        }
        if (plot != null) {
            try {
                io.grapevine.agent.plot.SpreadChart.write(config, results, plot);
            } catch (IOException e) {
                spec.commandLine().getErr().println("epidemic: cannot write --plot " + plot + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private EpidemicConfig validated() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (style != SpreadStyle.RUMOR) {
            for (String flag : List.of("--rumor", "--stop", "--k")) {
                if (parsed.hasMatchedOption(flag)) {
                    throw bad(flag, flag + " applies only to --style rumor");
                }
            }
        }
        if (style == SpreadStyle.RUMOR && mode != SpreadMode.PUSH) {
            throw bad("--mode", "rumor mongering is push only: " + mode.cliName());
        }
        if (runs < 1) {
            throw bad("--runs", "must be >= 1: " + runs);
        }
        if (!List.of("text", "json", "csv").contains(format)) {
            throw bad("--format", "'" + format + "' is not one of text, json, csv");
        }
        try {
            return new EpidemicConfig(style, mode, feedback, stop, k, fanout, sync, nodes, loss, maxRounds,
                    digestBytes, updateBytes);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.split(" ", 2)[0];
            throw bad(FIELD_FLAGS.getOrDefault(field, "--" + field), message);
        }
    }

    private CommandLine.ParameterException bad(String flag, String message) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + flag + "': " + message);
    }

    /** Parses {@code --style}. */
    static final class StyleConverter implements CommandLine.ITypeConverter<SpreadStyle> {
        @Override
        public SpreadStyle convert(String value) {
            return SpreadStyle.parse(value);
        }
    }

    /** Parses {@code --mode}. */
    static final class ModeConverter implements CommandLine.ITypeConverter<SpreadMode> {
        @Override
        public SpreadMode convert(String value) {
            return SpreadMode.parse(value);
        }
    }

    /** Parses {@code --rumor}. */
    static final class FeedbackConverter implements CommandLine.ITypeConverter<RumorFeedback> {
        @Override
        public RumorFeedback convert(String value) {
            return RumorFeedback.parse(value);
        }
    }

    /** Parses {@code --stop}. */
    static final class StopConverter implements CommandLine.ITypeConverter<RumorStop> {
        @Override
        public RumorStop convert(String value) {
            return RumorStop.parse(value);
        }
    }
}
