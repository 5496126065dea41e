package io.grapevine.agent.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Bytes sent per node per second against the cluster size (log-scale N), idle and under a write load. */
public final class CostCurveChart {
    /**
     * One cluster size's traffic.
     *
     * @param nodes N
     * @param idleBytes bytes per node per second, idle
     * @param loadedBytes bytes per node per second under the write load; NaN when not measured
     */
    public record Point(int nodes, double idleBytes, double loadedBytes) {
    }

    private CostCurveChart() {
    }

    /** Draws {@code points} to {@code file} (PNG); {@code writeRate} labels the loaded series. */
    public static void write(List<Point> points, double writeRate, Path file) throws IOException {
        XYSeries idle = new XYSeries("idle");
        XYSeries loaded = new XYSeries(writeRate + " writes/s over the cluster");
        for (Point p : points) {
            idle.add(p.nodes(), p.idleBytes());
            if (!Double.isNaN(p.loadedBytes())) {
                loaded.add(p.nodes(), p.loadedBytes());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(idle);
        if (loaded.getItemCount() > 0) {
            data.addSeries(loaded);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Bytes sent per node per second against N", "N (nodes)",
                "bytes / node / s", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogarithmicAxis nodes = new LogarithmicAxis("N (nodes)");
        nodes.setAllowNegativesFlag(false);
        plot.setDomainAxis(nodes);
        if (loaded.getItemCount() > 0) {
            LogarithmicAxis bytes = new LogarithmicAxis("bytes / node / s");
            plot.setRangeAxis(bytes);
        }
        PngFile.write(chart, file);
    }
}
