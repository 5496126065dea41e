package io.grapevine.agent.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The cluster's mean bytes sent per node in each second of a heavy-writer run, with and without flow control. */
public final class FlowControlChart {
    private FlowControlChart() {
    }

    /** Draws both runs' per-second series to {@code file} (PNG). */
    public static void write(List<Double> off, List<Double> on, double writeRate, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("flow control off", off));
        data.addSeries(series("flow control on", on));
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Bytes per node per second, one node writing " + Math.round(writeRate) + " keys/s", "second of the load",
                "bytes / node / s (cluster mean)", data, PlotOrientation.VERTICAL, true, false, false);
        PngFile.write(chart, file);
    }

    private static XYSeries series(String name, List<Double> perSecond) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < perSecond.size(); i++) {
            series.add(i + 1, perSecond.get(i));
        }
        return series;
    }
}
