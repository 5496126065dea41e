package io.grapevine.agent.plot;

import io.grapevine.sim.measure.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The empirical CDF of a scenario's outcome over its runs (for {@code failure}: the time until
 * every survivor holds the victim dead): for each run's outcome {@code x}, the fraction of runs
 * whose outcome is at most {@code x}. Runs that never reached the outcome are left out and
 * counted in the title.
 */
public final class OutcomeCdfChart {
    private OutcomeCdfChart() {
    }

    /** Draws the CDF of {@code results}' {@code outcome_ms} to {@code file} (PNG). */
    public static void write(String scenario, int nodes, List<RunResult> results, Path file) throws IOException {
        double[] seconds = results.stream().mapToDouble(r -> r.value("outcome_ms") / 1e3)
                .filter(v -> !Double.isNaN(v)).sorted().toArray();
        long missing = results.size() - seconds.length;
        XYSeries cdf = new XYSeries("runs (" + seconds.length + ")");
        for (int i = 0; i < seconds.length; i++) {
            if (i == 0) {
                cdf.add(seconds[0], 0.0);
            } else {
                cdf.add(seconds[i], i / (double) seconds.length);
            }
            cdf.add(seconds[i], (i + 1) / (double) seconds.length);
        }
        String title = scenario + ", N = " + nodes + ": outcome over " + results.size() + " runs"
                + (missing > 0 ? " (" + missing + " never reached)" : "")
                + (seconds.length > 0 ? ", median " + String.format("%.2f s", median(seconds)) : "");
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds from the fault", "fraction of runs",
                new XYSeriesCollection(cdf), PlotOrientation.VERTICAL, false, false, false);
        PngFile.write(chart, file);
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
