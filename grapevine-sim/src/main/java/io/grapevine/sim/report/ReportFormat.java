package io.grapevine.sim.report;

import io.grapevine.sim.measure.Measurement;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The output formats of {@code grapevine sim}. Each writes the results of R runs of one
 * scenario; runs are numbered from 0 in the order given.
 */
public enum ReportFormat {
    /** A short human-readable table: one row per measurement; per-run columns for up to 5 runs, then median, p90, max. */
    TEXT {
        @Override
        public void write(List<RunResult> runs, PrintWriter out) {
            TextReport.write(runs, out);
        }
    },
    /** JSON lines: one object per run ({@code "type":"run"}), then one {@code "type":"summary"} object. */
    JSON {
        @Override
        public void write(List<RunResult> runs, PrintWriter out) {
            for (int r = 0; r < runs.size(); r++) {
                out.println(runJson(r, runs.get(r)));
            }
            if (!runs.isEmpty()) {
                out.println(summaryJson(runs));
            }
        }
    },
    /** CSV: a header, then one row per run; unmeasured values are empty. */
    CSV {
        @Override
        public void write(List<RunResult> runs, PrintWriter out) {
            if (runs.isEmpty()) {
                return;
            }
            StringBuilder header = new StringBuilder("run,scenario,nodes,seed,outcome_reached,trace_hash");
            for (Measurement m : runs.get(0).measurements()) {
                header.append(',').append(m.name());
            }
            out.println(header);
            for (int r = 0; r < runs.size(); r++) {
                RunResult run = runs.get(r);
                StringBuilder row = new StringBuilder();
                row.append(r).append(',').append(run.scenario()).append(',').append(run.nodes()).append(',')
                        .append(run.seed()).append(',').append(run.outcomeReached()).append(',')
                        .append(run.traceHashHex());
                for (Measurement m : run.measurements()) {
                    row.append(',').append(Double.isNaN(m.value()) ? "" : JsonWriter.number(m.value()));
                }
                out.println(row);
            }
        }
    };

    /** Writes {@code runs} to {@code out}. */
    public abstract void write(List<RunResult> runs, PrintWriter out);

    /** The format named {@code name} (case-insensitive). */
    public static ReportFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    static String runJson(int index, RunResult run) {
        JsonWriter json = new JsonWriter().string("type", "run").string("scenario", run.scenario())
                .number("run", index).number("nodes", run.nodes()).number("seed", run.seed())
                .bool("outcome_reached", run.outcomeReached()).string("trace_hash", run.traceHashHex());
        for (Measurement m : run.measurements()) {
            json.number(m.name(), m.value());
        }
        return json.strings("notes", run.notes()).toString();
    }

    static String summaryJson(List<RunResult> runs) {
        RunResult first = runs.get(0);
        long reached = runs.stream().filter(RunResult::outcomeReached).count();
        JsonWriter json = new JsonWriter().string("type", "summary").string("scenario", first.scenario())
                .number("nodes", first.nodes()).number("runs", runs.size()).number("outcome_reached_runs", reached);
        for (Summary s : Summary.of(runs)) {
            json.object(s.name(), new JsonWriter().number("median", s.median()).number("p90", s.p90())
                    .number("max", s.max()));
        }
        return json.toString();
    }
}
