package io.grapevine.agent.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A soak's resources over time: RSS per node (mean and max) above, CPU per node below. */
public final class SoakChart {
    private SoakChart() {
    }

    /**
     * Draws {@code rows} to {@code file} (PNG).
     *
     * @param rows per sampling time {seconds, mean RSS MiB, max RSS MiB, CPU s/node/min}
     */
    public static void write(String title, List<double[]> rows, Path file) throws IOException {
        XYSeries mean = new XYSeries("RSS, mean node");
        XYSeries max = new XYSeries("RSS, largest node");
        XYSeries cpu = new XYSeries("CPU, mean node");
        for (double[] row : rows) {
            mean.add(row[0] / 60, row[1]);
            max.add(row[0] / 60, row[2]);
            cpu.add(row[0] / 60, row[3]);
        }
        XYSeriesCollection memory = new XYSeriesCollection();
        memory.addSeries(mean);
        memory.addSeries(max);
        XYPlot top = new XYPlot(memory, null, new NumberAxis("RSS (MiB)"), new XYLineAndShapeRenderer(true, false));
        XYPlot bottom = new XYPlot(new XYSeriesCollection(cpu), null, new NumberAxis("CPU (s / node / min)"),
                new XYLineAndShapeRenderer(true, false));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("minute of the soak"));
        plot.add(top, 2);
        plot.add(bottom, 1);
        PngFile.write(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), file);
    }
}
