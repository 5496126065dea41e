package io.grapevine.agent;

import io.grapevine.agent.plot.ZoneChart;
import io.grapevine.sim.zone.ZoneExperiment;
import io.grapevine.sim.zone.ZoneResult;
import io.grapevine.sim.zone.ZoneRunConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine sim zones}: zone-aware gossip against the flat protocol on one network of
 * zones (0.5 ms inside a zone, 50 ms between zones): cross-zone traffic idle and while writes
 * spread, time for a write to reach every node, false accusations across zones, and one zone cut
 * off and healed. Both protocols run on the same seed and print side by side ({@code --flat}:
 * the flat protocol only, {@code --zone-aware-only}: zone-aware only). With {@code --plot}
 * draws the cross-zone bytes per second over the run. Exit codes: 0, 2 bad usage naming the
 * flag, 1 the plot could not be written.
 */
@Command(name = "zones", mixinStandardHelpOptions = true,
        description = "Zone-aware gossip vs flat: cross-zone bytes/s, write spread, false positives across zones, "
                + "a zone cut off and healed (docs/SIMULATION.md).")
public final class ZonesCommand implements Callable<Integer> {
    private static final long SECOND = 1_000_000_000L;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--zones", defaultValue = "4", description = "Number of zones, 2..64 (default: ${DEFAULT-VALUE}).")
    private int zones;

    @Option(names = "--per-zone", defaultValue = "256", description = "Nodes per zone, 2..100000 (default: ${DEFAULT-VALUE}).")
    private int perZone;

    @Option(names = "--periods", defaultValue = "30", description = "Idle window in protocol periods (1 s), "
            + "1..100000 (default: ${DEFAULT-VALUE}).")
    private int periods;

    @Option(names = "--links", defaultValue = "3", description = "Cross-zone links per zone, 1..64 (default: ${DEFAULT-VALUE}).")
    private int links;

    @Option(names = "--writes", defaultValue = "5", description = "Timed writes, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int writes;

    @Option(names = "--cut", defaultValue = "20", description = "Seconds the last zone is cut off, 0..3600; "
            + "0 skips the cut (default: ${DEFAULT-VALUE}).")
    private int cutSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of both runs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--flat", description = "Run the flat protocol only.")
    private boolean flatOnly;

    @Option(names = "--zone-aware-only", description = "Run zone-aware gossip only.")
    private boolean awareOnly;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw cross-zone bytes per second over the "
            + "run (each protocol run, the cut shaded) as a PNG to FILE.")
    private Path plot;

    @Override
    public Integer call() {
        validate();
        ZoneRunConfig base = ZoneRunConfig.defaults().withShape(zones, perZone).withSeed(seed).withCrossZoneLinks(links)
                .withWrites(writes).withTimes(20 * SECOND, periods * SECOND, cutSeconds * SECOND, 120 * SECOND);
        List<String> labels = new ArrayList<>();
        List<ZoneResult> results = new ArrayList<>();
        if (!flatOnly) {
            labels.add("zone-aware");
            results.add(ZoneExperiment.run(base.withZoneAware(true)));
        }
        if (!awareOnly) {
            labels.add("flat");
            results.add(ZoneExperiment.run(base.withZoneAware(false)));
        }
        print(base, labels, results);
        if (plot != null) {
            return draw(labels, results);
        }
        return 0;
    }

    private void print(ZoneRunConfig base, List<String> labels, List<ZoneResult> results) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "zones: %d zones x %d nodes, %.1f ms inside a zone, %.0f ms between, "
                        + "%d links per zone, seed %d, idle window %d periods, converged start, LAN core",
                zones, perZone, base.latency().intraZoneNanos() / 1e6, base.latency().interZoneNanos() / 1e6, links,
                seed, periods));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-52s", ""));
        labels.forEach(label -> header.append(String.format(Locale.ROOT, "%16s", label)));
        out.println(header);
        row(out, "cross-zone bytes/s, idle (whole cluster)", results, r -> num(r.idleCrossZoneBytesPerSec()));
        row(out, "cross-zone bytes/s per node, idle", results, r -> dec(r.idleCrossZoneBytesPerNodePerSec()));
        row(out, "cross-zone packets/s, idle (whole cluster)", results, r -> dec(r.idleCrossZonePacketsPerSec()));
        row(out, "all bytes/s per node, idle", results, r -> dec(r.idleBytesPerNodePerSec()));
        row(out, "cross-zone bytes/s while writes spread", results, r -> num(r.writeCrossZoneBytesPerSec()));
        row(out, "write to every node, median ms", results, r -> ms(r.medianSpreadMillis()));
        row(out, "write to every node, max ms", results, r -> ms(r.maxSpreadMillis()));
        row(out, "false deaths across zones (outside the cut)", results, r -> String.valueOf(r.crossZoneFalseDeaths()));
        row(out, "false suspicions across zones (outside the cut)", results,
                r -> String.valueOf(r.crossZoneFalseSuspicions()));
        row(out, "false deaths within a zone", results, r -> String.valueOf(r.sameZoneFalseDeaths()));
        if (cutSeconds > 0) {
            out.println(String.format(Locale.ROOT, "zone-%d cut off for %d s, then healed:", zones - 1, cutSeconds));
            row(out, "  at the cut's end, outside holds zone alive/susp/dead", results,
                    r -> beliefs(r.cut().outsideSeesCutZone()));
            row(out, "  at the cut's end, inside holds outside alive/susp/dead", results,
                    r -> beliefs(r.cut().insideSeesOutside()));
            row(out, "  writes made during the cut, lost", results,
                    r -> r.cut().writesLost() + " of " + r.cut().writesDuringCut());
            row(out, "  heal to every cut write on every node, ms", results, r -> ms(r.cut().allWritesMillis()));
            row(out, "  heal to every node holding every member alive, ms", results, r -> ms(r.cut().remergeMillis()));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, List<ZoneResult> results, Function<ZoneResult, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s", name));
        results.forEach(r -> line.append(String.format(Locale.ROOT, "%16s", cell.apply(r))));
        out.println(line);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String dec(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ms(long millis) {
        return millis < 0 ? "never" : String.valueOf(millis);
    }

    private static String beliefs(double[] counts) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", counts[0], counts[1], counts[2]);
    }

    private int draw(List<String> labels, List<ZoneResult> results) {
        List<ZoneChart.Series> series = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            series.add(new ZoneChart.Series(labels.get(i), results.get(i).crossZoneBytesTimeline()));
        }
        ZoneResult.Cut cut = results.get(0).cut();
        String title = String.format(Locale.ROOT, "Cross-zone bytes per second, %d zones x %d nodes", zones, perZone);
        try {
            ZoneChart.write(title, series, cut == null ? -1 : cut.cutAtSecond(), cut == null ? -1 : cut.healAtSecond(),
                    plot);
        } catch (IOException e) {
            spec.commandLine().getErr().println("zones: cannot write --plot " + plot + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private void validate() {
        range("--zones", zones, 2, 64);
        range("--per-zone", perZone, 2, 100_000);
        range("--periods", periods, 1, 100_000);
        range("--links", links, 1, 64);
        range("--writes", writes, 1, 1_000);
        range("--cut", cutSeconds, 0, 3_600);
        if (flatOnly && awareOnly) {
            throw bad("--flat", "cannot be combined with --zone-aware-only");
        }
    }

    private void range(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad(flag, "must be in " + min + ".." + max + ": " + value);
        }
    }

    private CommandLine.ParameterException bad(String flag, String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + problem);
    }
}
