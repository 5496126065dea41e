package io.grapevine.bench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A {@link Report} as JSON, on one line: the full report ({@code --format json}, {@code
 * --json-out}), with every run's values, or the compact summary ({@code --summary-out}) with only
 * the figures (samples, median, p90, max per system), false positives, each system's setup, the
 * commit and the command line: what a table row of docs/PERFORMANCE.md is made of.
 */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    /** The full report. */
    static String full(Report report) {
        return body(JSON.createObjectNode(), report, true).toString();
    }

    /** The compact summary, stamped with where it came from. */
    static String summary(Report report, Provenance provenance) {
        ObjectNode root = JSON.createObjectNode().put("commit", provenance.commit())
                .put("command", provenance.command()).put("startedAt", provenance.startedAt());
        return body(root, report, false).toString();
    }

    private static ObjectNode body(ObjectNode root, Report report, boolean withRuns) {
        BenchScenario scenario = report.scenario();
        root.put("scenario", scenario.name()).put("nodes", report.nodes()).put("clock", scenario.clock());
        ArrayNode systems = root.putArray("systems");
        for (SystemResult system : report.systems()) {
            ObjectNode node = systems.addObject().put("system", system.system()).put("mode", system.mode());
            node.set("setup", setup(system.setup()));
            node.put("measuredRuns", system.runs().size()).put("timeouts", system.timeouts())
                    .put("falselySuspected", system.falselySuspected()).put("falselyDead", system.falselyDead());
            ObjectNode figures = node.putObject("figures");
            for (BenchScenario.Metric metric : scenario.metrics()) {
                ObjectNode figure = figures.putObject(metric.key());
                if (withRuns) {
                    ArrayNode runs = figure.putArray("runs");
                    system.values(metric).forEach(v -> runs.add(number(v)));
                }
                Optional<Quantiles> q = system.summary(metric);
                figure.put("samples", q.map(Quantiles::count).orElse(0));
                q.ifPresent(x -> figure.put("median", number(x.median())).put("p90", number(x.p90()))
                        .put("max", number(x.max())));
            }
        }
        ObjectNode ratios = root.putObject("ratios");
        for (BenchScenario.Metric metric : scenario.metrics()) {
            report.ratio(metric).ifPresent(r -> ratios.put(metric.key(), number(r)));
        }
        return root;
    }

    private static ObjectNode setup(SystemSetup setup) {
        ObjectNode node = JSON.createObjectNode().put("mode", setup.mode()).put("profile", setup.profile())
                .put("encryption", setup.encryption()).put("started", setup.started()).put("joined", setup.joined());
        ArrayNode flags = node.putArray("jvmFlags");
        setup.jvmFlags().forEach(flags::add);
        return node;
    }

    /** A figure as the text report prints it, as a JSON number. */
    private static BigDecimal number(double value) {
        return new BigDecimal(Report.number(value));
    }
}
