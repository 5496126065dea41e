package io.grapevine.sim.report;

import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.Summary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text table of {@link ReportFormat#TEXT}. */
final class TextReport {
    private static final int MAX_RUN_COLUMNS = 5;

    private TextReport() {
    }

    static void write(List<RunResult> runs, PrintWriter out) {
        if (runs.isEmpty()) {
            return;
        }
        RunResult first = runs.get(0);
        long reached = runs.stream().filter(RunResult::outcomeReached).count();
        out.printf(Locale.ROOT, "scenario %s, %d nodes, %d run(s), outcome reached in %d%n",
                first.scenario(), first.nodes(), runs.size(), reached);
        boolean perRun = runs.size() <= MAX_RUN_COLUMNS;
        List<String> header = new ArrayList<>(List.of("measurement", "unit"));
        if (perRun) {
            for (RunResult run : runs) {
                header.add("seed " + run.seed());
            }
        }
        header.addAll(List.of("median", "p90", "max"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        List<Summary> summaries = Summary.of(runs);
        for (Summary s : summaries) {
            List<String> row = new ArrayList<>(List.of(s.name(), s.unit()));
            if (perRun) {
                for (RunResult run : runs) {
                    row.add(format(run.value(s.name())));
                }
            }
            row.addAll(List.of(format(s.median()), format(s.p90()), format(s.max())));
            rows.add(row);
        }
        printAligned(rows, out);
        if (perRun) {
            StringBuilder hashes = new StringBuilder("trace hashes:");
            for (RunResult run : runs) {
                hashes.append(' ').append(run.traceHashHex());
            }
            out.println(hashes);
            for (RunResult run : runs) {
                for (String note : run.notes()) {
                    out.println("seed " + run.seed() + ": " + note);
                }
            }
        }
        out.flush();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.1f" : "%.3f", value);
    }

    private static void printAligned(List<List<String>> rows, PrintWriter out) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                boolean left = c < 2;
                String pad = " ".repeat(width[c] - cell.length());
                line.append(left ? cell + pad : pad + cell).append(c == columns - 1 ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
