package io.grapevine.sim.epidemic;

import java.util.List;

/**
 * Text, JSON and CSV renderings of a batch of {@link SpreadResult}s with their summary and the
 * theory next to it. Pure functions of their inputs: the same runs give the same bytes.
 */
public final class EpidemicReport {
    private EpidemicReport() {
    }

    /** The summary of a batch: distributions over runs of each per-run measure. */
    public record Summary(Distribution rounds, Distribution residue, Distribution traffic, Distribution messages,
                          Distribution bytes) {
        /** Summarises {@code results}; must not be empty. */
        public static Summary of(List<SpreadResult> results) {
            return new Summary(Distribution.of(results, SpreadResult::rounds),
                    Distribution.of(results, SpreadResult::residue),
                    Distribution.of(results, SpreadResult::trafficPerNode),
                    Distribution.of(results, SpreadResult::messagesPerNode),
                    Distribution.of(results, SpreadResult::bytesPerNode));
        }
    }

    /** A human-readable table, one line per run, then the summary and the theory. */
    public static String text(EpidemicConfig config, long seed, List<SpreadResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("epidemic: ").append(config.describe()).append(", ").append(results.size())
                .append(" run(s) from seed ").append(seed).append('\n');
        out.append("message sizes: ").append(config.digestBytes()).append(" B without the update, ")
                .append(config.digestBytes() + config.updateBytes()).append(" B with it\n");
        out.append(String.format(java.util.Locale.ROOT, "%4s %12s %7s %9s %9s %10s %11s%n", "run", "seed", "rounds",
                "residue", "traffic", "msgs/node", "bytes/node"));
        for (int r = 0; r < results.size(); r++) {
            SpreadResult result = results.get(r);
            out.append(String.format(java.util.Locale.ROOT, "%4d %12d %6d%s %9s %9s %10s %11s%n", r, result.seed(),
                    result.rounds(), result.finished() ? " " : "+", Numbers.sig(result.residue()),
                    Numbers.fixed(result.trafficPerNode(), 2), Numbers.fixed(result.messagesPerNode(), 2),
                    Numbers.fixed(result.bytesPerNode(), 1)));
        }
        Summary summary = Summary.of(results);
        out.append("summary (median / p90 / max):\n");
        line(out, "rounds", summary.rounds(), 1);
        line(out, "residue", summary.residue(), -1);
        line(out, "traffic (update msgs/node)", summary.traffic(), 2);
        line(out, "messages/node", summary.messages(), 2);
        line(out, "bytes/node", summary.bytes(), 1);
        out.append("theory: ").append(Theory.roundsFormula(config));
        double rounds = Theory.rounds(config);
        if (config.style() == SpreadStyle.RUMOR) {
            out.append(" = ").append(Numbers.sig(Theory.residueForTraffic(summary.traffic().median())))
                    .append(" at the median traffic; mean-field coin residue for k=").append(config.k()).append(": ")
                    .append(Numbers.sig(Theory.meanFieldResidue(config.feedback(), config.k())));
        } else if (Double.isFinite(rounds)) {
            out.append(" = ").append(Numbers.fixed(rounds, 1)).append(" rounds");
            if (!config.synchronous() && config.style() == SpreadStyle.ANTI_ENTROPY) {
                out.append(" (for synchronous rounds; --sync to compare)");
            }
        }
        out.append('\n');
        if (!results.isEmpty()) {
            out.append("informed fraction by round (run 0):");
            for (double fraction : results.get(0).curve()) {
                out.append(' ').append(Numbers.sig(fraction));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, Distribution d, int decimals) {
        out.append(String.format(java.util.Locale.ROOT, "  %-27s %s / %s / %s%n", name, format(d.median(), decimals),
                format(d.p90(), decimals), format(d.max(), decimals)));
    }

    private static String format(double value, int decimals) {
        return decimals < 0 ? Numbers.sig(value) : Numbers.fixed(value, decimals);
    }

    /** One JSON document: the config, one object per run (with its curve), the summary and the theory. */
    public static String json(EpidemicConfig config, long seed, List<SpreadResult> results) {
        StringBuilder out = new StringBuilder("{\n  \"config\": {");
        out.append("\"style\": ").append(Numbers.quote(config.style().cliName()))
                .append(", \"mode\": ").append(Numbers.quote(config.mode().cliName()))
                .append(", \"rumor\": ").append(Numbers.quote(config.feedback().cliName()))
                .append(", \"stop\": ").append(Numbers.quote(config.stop().cliName()))
                .append(", \"k\": ").append(config.k())
                .append(", \"fanout\": ").append(config.fanout())
                .append(", \"sync\": ").append(config.synchronous())
                .append(", \"nodes\": ").append(config.nodes())
                .append(", \"loss\": ").append(Numbers.json(config.loss()))
                .append(", \"max_rounds\": ").append(config.maxRounds())
                .append(", \"digest_bytes\": ").append(config.digestBytes())
                .append(", \"update_bytes\": ").append(config.updateBytes())
                .append(", \"seed\": ").append(seed)
                .append(", \"runs\": ").append(results.size()).append("},\n  \"runs\": [\n");
        for (int r = 0; r < results.size(); r++) {
            SpreadResult result = results.get(r);
            out.append("    {\"run\": ").append(r).append(", \"seed\": ").append(result.seed())
                    .append(", \"rounds\": ").append(result.rounds())
                    .append(", \"finished\": ").append(result.finished())
                    .append(", \"reached\": ").append(result.reached())
                    .append(", \"residue\": ").append(Numbers.json(result.residue()))
                    .append(", \"traffic\": ").append(Numbers.json(result.trafficPerNode()))
                    .append(", \"messages_per_node\": ").append(Numbers.json(result.messagesPerNode()))
                    .append(", \"bytes_per_node\": ").append(Numbers.json(result.bytesPerNode()))
                    .append(", \"curve\": [");
            List<Double> curve = result.curve();
            for (int i = 0; i < curve.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(Numbers.json(curve.get(i)));
            }
            out.append("]}").append(r + 1 < results.size() ? ",\n" : "\n");
        }
        Summary summary = Summary.of(results);
        out.append("  ],\n  \"summary\": {");
        jsonDistribution(out, "rounds", summary.rounds()).append(", ");
        jsonDistribution(out, "residue", summary.residue()).append(", ");
        jsonDistribution(out, "traffic", summary.traffic()).append(", ");
        jsonDistribution(out, "messages_per_node", summary.messages()).append(", ");
        jsonDistribution(out, "bytes_per_node", summary.bytes());
        out.append("},\n  \"theory\": {\"formula\": ").append(Numbers.quote(Theory.roundsFormula(config)))
                .append(", \"rounds\": ").append(Numbers.json(Theory.rounds(config)));
        if (config.style() == SpreadStyle.RUMOR) {
            out.append(", \"residue_e_minus_m\": ")
                    .append(Numbers.json(Theory.residueForTraffic(summary.traffic().median())))
                    .append(", \"mean_field_coin_residue\": ")
                    .append(Numbers.json(Theory.meanFieldResidue(config.feedback(), config.k())));
        }
        return out.append("}\n}\n").toString();
    }

    private static StringBuilder jsonDistribution(StringBuilder out, String name, Distribution d) {
        return out.append(Numbers.quote(name)).append(": {\"median\": ").append(Numbers.json(d.median()))
                .append(", \"p90\": ").append(Numbers.json(d.p90())).append(", \"max\": ").append(Numbers.json(d.max()))
                .append(", \"mean\": ").append(Numbers.json(d.mean())).append('}');
    }

    /** CSV, one row per run. */
    public static String csvRuns(List<SpreadResult> results) {
        StringBuilder out = new StringBuilder("run,seed,rounds,finished,residue,traffic,messages_per_node,bytes_per_node\n");
        for (int r = 0; r < results.size(); r++) {
            SpreadResult result = results.get(r);
            out.append(r).append(',').append(result.seed()).append(',').append(result.rounds()).append(',')
                    .append(result.finished()).append(',').append(Numbers.json(result.residue())).append(',')
                    .append(Numbers.json(result.trafficPerNode())).append(',')
                    .append(Numbers.json(result.messagesPerNode())).append(',')
                    .append(Numbers.json(result.bytesPerNode())).append('\n');
        }
        return out.toString();
    }

    /** CSV in long format: one row per run and round with the informed fraction. */
    public static String csvCurve(List<SpreadResult> results) {
        StringBuilder out = new StringBuilder("run,round,informed_fraction\n");
        for (int r = 0; r < results.size(); r++) {
            List<Double> curve = results.get(r).curve();
            for (int round = 0; round < curve.size(); round++) {
                out.append(r).append(',').append(round).append(',').append(Numbers.json(curve.get(round))).append('\n');
            }
        }
        return out.toString();
    }
}
