package io.grapevine.agent.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Bytes sent between zones in each second of a zones run (idle window, timed writes, a zone cut
 * off and healed), zone-aware beside flat, on a log scale, with the cut shaded.
 */
public final class ZoneChart {
    /**
     * One run's timeline.
     *
     * @param label the series' name (zone-aware, flat)
     * @param bytesPerSecond cross-zone bytes in each whole second since the idle window began
     */
    public record Series(String label, List<Double> bytesPerSecond) {
    }

    private ZoneChart() {
    }

    /**
     * Draws {@code series} to {@code file} (PNG), titled {@code title}; the cut from
     * {@code cutAtSecond} to {@code healAtSecond} is shaded (negative: no cut).
     */
    public static void write(String title, List<Series> series, double cutAtSecond, double healAtSecond, Path file)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.label());
            for (int i = 0; i < s.bytesPerSecond().size(); i++) {
                // a log axis cannot show 0: a silent second is drawn at 1 byte
                xy.add(i + 1, Math.max(1.0, s.bytesPerSecond().get(i)));
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time since the idle window began (s)",
                "cross-zone bytes / s (whole cluster)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis bytes = new LogarithmicAxis("cross-zone bytes / s (whole cluster)");
        bytes.setAllowNegativesFlag(false);
        plot.setRangeAxis(bytes);
        if (cutAtSecond >= 0 && healAtSecond > cutAtSecond) {
            IntervalMarker cut = new IntervalMarker(cutAtSecond, healAtSecond);
            cut.setPaint(new Color(255, 200, 200));
            cut.setLabel("zone cut off");
            plot.addDomainMarker(cut, Layer.BACKGROUND);
        }
        PngFile.write(chart, file);
    }
}
