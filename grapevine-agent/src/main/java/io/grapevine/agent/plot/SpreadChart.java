package io.grapevine.agent.plot;

import io.grapevine.sim.epidemic.EpidemicConfig;
import io.grapevine.sim.epidemic.SpreadMode;
import io.grapevine.sim.epidemic.SpreadResult;
import io.grapevine.sim.epidemic.SpreadStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One update's spread: the informed fraction per round of each run (at most {@link #MAX_RUNS}
 * drawn) and, for anti-entropy, the mean-field curve of its mode with the run's fanout
 * (Demers et al.; Pittel): push {@code s' = s·e^(−f·i)}, pull {@code s' = s^(1+f)}, push-pull
 * {@code s' = s^(1+f)·e^(−f·i)}, from one informed node, where {@code s} is the uninformed and
 * {@code i = 1 − s} the informed fraction. Rumor mongering and direct mail get no theory curve.
 */
public final class SpreadChart {
    /** Runs drawn; more would only blacken the picture. */
    static final int MAX_RUNS = 10;

    private SpreadChart() {
    }

    /** Draws {@code results} of {@code config} to {@code file} (PNG). */
    public static void write(EpidemicConfig config, List<SpreadResult> results, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        int longest = 0;
        for (int r = 0; r < Math.min(MAX_RUNS, results.size()); r++) {
            List<Double> curve = results.get(r).curve();
            XYSeries series = new XYSeries("run " + r + " (seed " + results.get(r).seed() + ")");
            for (int round = 0; round < curve.size(); round++) {
                series.add(round, curve.get(round));
            }
            longest = Math.max(longest, curve.size());
            data.addSeries(series);
        }
        if (config.style() == SpreadStyle.ANTI_ENTROPY) {
            XYSeries theory = new XYSeries("mean-field theory (synchronous rounds)");
            List<Double> expected = meanField(config.mode(), config.fanout(), config.nodes(), Math.max(longest, 2));
            for (int round = 0; round < expected.size(); round++) {
                theory.add(round, expected.get(round));
            }
            data.addSeries(theory);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Spread of one update: " + config.describe(), "round", "informed fraction", data,
                PlotOrientation.VERTICAL, true, false, false);
        PngFile.write(chart, file);
    }

    /** The informed fraction per round from one informed node of {@code nodes}, for {@code rounds} rounds. */
    static List<Double> meanField(SpreadMode mode, int fanout, int nodes, int rounds) {
        List<Double> curve = new ArrayList<>(rounds);
        double s = 1 - 1.0 / nodes;
        for (int round = 0; round < rounds; round++) {
            curve.add(1 - s);
            double i = 1 - s;
            s = switch (mode) {
                case PUSH -> s * StrictMath.exp(-fanout * i);
                case PULL -> StrictMath.pow(s, 1 + fanout);
                case PUSH_PULL -> StrictMath.pow(s, 1 + fanout) * StrictMath.exp(-fanout * i);
            };
        }
        return curve;
    }
}
