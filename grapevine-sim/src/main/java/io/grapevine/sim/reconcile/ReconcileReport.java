package io.grapevine.sim.reconcile;

import io.grapevine.sim.epidemic.Distribution;
import io.grapevine.sim.epidemic.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text, JSON and CSV renderings of reconciliation runs, grouped by policy and quiet-key class
 * (medians over the runs of a group). Pure functions of their inputs.
 */
public final class ReconcileReport {
    private ReconcileReport() {
    }

    /** Results grouped by (policy, class), in the order first seen. */
    private static Map<String, List<ReconcileResult>> groups(List<ReconcileResult> results) {
        Map<String, List<ReconcileResult>> groups = new LinkedHashMap<>();
        for (ReconcileResult result : results) {
            groups.computeIfAbsent(result.policy().cliName() + "/" + result.quietClass(), k -> new ArrayList<>())
                    .add(result);
        }
        return groups;
    }

    /** A table with one line per policy (and quiet class), medians over runs. */
    public static String text(ReconcileConfig config, long seed, int runs, List<ReconcileResult> results) {
        StringBuilder out = new StringBuilder(title(config, seed, runs));
        boolean starvation = config.workload() == ReconcileWorkload.STARVATION;
        if (starvation) {
            out.append(String.format(Locale.ROOT, STARVATION_ROW, "policy", "quiet", "worst", "mean", "reached",
                    "rounds", "bytes/node", "B/node/rnd"));
        } else {
            out.append(String.format(Locale.ROOT, LOAD_ROW, "policy", "rounds", "bytes/node", "digest/node",
                    "delta/node", "B/node/rnd", "largest", ">MTU"));
        }
        for (List<ReconcileResult> group : groups(results).values()) {
            out.append(starvation ? starvationRow(group) : loadRow(group));
        }
        out.append(starvation
                ? "worst/mean: rounds from the quiet write until the last node / an average node held it "
                        + "(the write's round counts as 1); starved k/R = in k of R runs some node still lacked it "
                        + "at the round cap\n"
                : "digest = SYN and ACK digests (precise: version and want lists); largest = biggest message; "
                        + ">MTU = messages over " + ReconcileSimulation.MTU_BYTES + " B\n");
        return out.toString();
    }

    private static final String STARVATION_ROW = "%-14s %-9s %11s %9s %8s %7s %11s %10s%n";
    private static final String LOAD_ROW = "%-14s %7s %11s %11s %11s %10s %9s %9s%n";

    private static String title(ReconcileConfig config, long seed, int runs) {
        StringBuilder out = new StringBuilder("reconcile: ").append(config.workload().cliName()).append(", ")
                .append(config.nodes()).append(" nodes, ");
        if (config.workload() == ReconcileWorkload.LOAD) {
            out.append(config.keys()).append(" keys each (").append(config.keyClass()).append(')');
        } else {
            out.append(config.heavyWriters()).append(" heavy writer(s) write ").append(config.heavyWritesPerRound())
                    .append(' ').append(config.heavyClass()).append(" keys/round each over ").append(config.heavyKeys())
                    .append(" keys; node ").append(config.heavyWriters()).append(" writes '")
                    .append(ReconcileSimulation.QUIET_KEY).append("' in round ").append(config.quietRound());
        }
        return out.append(", ").append(config.valueBytes()).append("-byte values, delta budget ")
                .append(config.budgetBytes()).append(" B, ").append(runs).append(" run(s) from seed ").append(seed)
                .append(" (medians)\n").toString();
    }

    private static String roundsText(List<ReconcileResult> group) {
        boolean allFinished = group.stream().allMatch(ReconcileResult::finished);
        return Numbers.fixed(Distribution.of(group, ReconcileResult::rounds).median(), 0) + (allFinished ? "" : "+");
    }

    private static String starvationRow(List<ReconcileResult> group) {
        ReconcileResult first = group.get(0);
        long unfinished = group.stream().filter(r -> !r.finished()).count();
        String worst = unfinished > 0 ? "starved " + unfinished + "/" + group.size()
                : Numbers.fixed(Distribution.of(group, ReconcileResult::stalenessWorst).median(), 1);
        String mean = unfinished > 0 ? "-"
                : Numbers.fixed(Distribution.of(group, ReconcileResult::stalenessMean).median(), 2);
        return String.format(Locale.ROOT, STARVATION_ROW, first.policy().cliName(), first.quietClass(), worst, mean,
                Numbers.fixed(Distribution.of(group, ReconcileResult::quietReached).median(), 0) + "/" + first.nodes(),
                roundsText(group), Numbers.fixed(Distribution.of(group, ReconcileResult::bytesPerNode).median(), 0),
                Numbers.fixed(Distribution.of(group, ReconcileResult::bytesPerNodePerRound).median(), 0));
    }

    private static String loadRow(List<ReconcileResult> group) {
        return String.format(Locale.ROOT, LOAD_ROW, group.get(0).policy().cliName(), roundsText(group),
                Numbers.fixed(Distribution.of(group, ReconcileResult::bytesPerNode).median(), 0),
                Numbers.fixed(Distribution.of(group, r -> r.digestBytes() / (double) r.nodes()).median(), 0),
                Numbers.fixed(Distribution.of(group, r -> r.deltaBytes() / (double) r.nodes()).median(), 0),
                Numbers.fixed(Distribution.of(group, ReconcileResult::bytesPerNodePerRound).median(), 0),
                Numbers.fixed(Distribution.of(group, ReconcileResult::largestMessageBytes).max(), 0),
                Numbers.fixed(Distribution.of(group, ReconcileResult::messagesOverMtu).median(), 0));
    }

    /** One JSON document: the config and one object per run. */
    public static String json(ReconcileConfig config, long seed, List<ReconcileResult> results) {
        StringBuilder out = new StringBuilder("{\n  \"config\": {\"workload\": ")
                .append(Numbers.quote(config.workload().cliName()))
                .append(", \"nodes\": ").append(config.nodes())
                .append(", \"keys\": ").append(config.keys())
                .append(", \"key_class\": ").append(Numbers.quote(config.keyClass().name()))
                .append(", \"value_bytes\": ").append(config.valueBytes())
                .append(", \"budget_bytes\": ").append(config.budgetBytes())
                .append(", \"max_rounds\": ").append(config.maxRounds())
                .append(", \"heavy_writers\": ").append(config.heavyWriters())
                .append(", \"heavy_writes_per_round\": ").append(config.heavyWritesPerRound())
                .append(", \"heavy_keys\": ").append(config.heavyKeys())
                .append(", \"heavy_class\": ").append(Numbers.quote(config.heavyClass().name()))
                .append(", \"quiet_round\": ").append(config.quietRound())
                .append(", \"seed\": ").append(seed).append("},\n  \"runs\": [\n");
        for (int i = 0; i < results.size(); i++) {
            ReconcileResult r = results.get(i);
            out.append("    {\"policy\": ").append(Numbers.quote(r.policy().cliName()))
                    .append(", \"class\": ").append(Numbers.quote(r.quietClass().name()))
                    .append(", \"seed\": ").append(r.seed())
                    .append(", \"rounds\": ").append(r.rounds())
                    .append(", \"finished\": ").append(r.finished())
                    .append(", \"messages\": ").append(r.messages())
                    .append(", \"total_bytes\": ").append(r.totalBytes())
                    .append(", \"header_bytes\": ").append(r.headerBytes())
                    .append(", \"digest_bytes\": ").append(r.digestBytes())
                    .append(", \"delta_bytes\": ").append(r.deltaBytes())
                    .append(", \"bytes_per_node\": ").append(Numbers.json(r.bytesPerNode()))
                    .append(", \"bytes_per_node_per_round\": ").append(Numbers.json(r.bytesPerNodePerRound()))
                    .append(", \"entries\": ").append(r.entries())
                    .append(", \"largest_message_bytes\": ").append(r.largestMessageBytes())
                    .append(", \"messages_over_mtu\": ").append(r.messagesOverMtu())
                    .append(", \"max_node_bytes\": ").append(r.maxNodeBytes())
                    .append(", \"staleness_worst\": ").append(Numbers.json(r.stalenessWorst()))
                    .append(", \"staleness_mean\": ").append(Numbers.json(r.stalenessMean()))
                    .append(", \"quiet_reached\": ").append(r.quietReached())
                    .append(i + 1 < results.size() ? "},\n" : "}\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    /** CSV, one row per run. */
    public static String csv(List<ReconcileResult> results) {
        StringBuilder out = new StringBuilder("policy,class,seed,rounds,finished,messages,total_bytes,header_bytes,"
                + "digest_bytes,delta_bytes,bytes_per_node,entries,largest_message_bytes,messages_over_mtu,"
                + "staleness_worst,staleness_mean,quiet_reached\n");
        for (ReconcileResult r : results) {
            out.append(r.policy().cliName()).append(',').append(r.quietClass()).append(',').append(r.seed())
                    .append(',').append(r.rounds()).append(',').append(r.finished()).append(',').append(r.messages())
                    .append(',').append(r.totalBytes()).append(',').append(r.headerBytes()).append(',')
                    .append(r.digestBytes()).append(',').append(r.deltaBytes()).append(',')
                    .append(Numbers.json(r.bytesPerNode())).append(',').append(r.entries()).append(',')
                    .append(r.largestMessageBytes()).append(',').append(r.messagesOverMtu()).append(',')
                    .append(Double.isNaN(r.stalenessWorst()) ? "" : Numbers.json(r.stalenessWorst())).append(',')
                    .append(Double.isNaN(r.stalenessMean()) ? "" : Numbers.json(r.stalenessMean())).append(',')
                    .append(r.quietReached()).append('\n');
        }
        return out.toString();
    }
}
