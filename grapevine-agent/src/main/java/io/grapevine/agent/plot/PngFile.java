package io.grapevine.agent.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes a chart as a PNG of a fixed size, headless (no display needed). */
final class PngFile {
    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    private PngFile() {
    }

    /**
     * Writes {@code chart} to {@code file}.
     *
     * @throws IOException if the file cannot be written (the caller names its flag)
     */
    static void write(JFreeChart chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
