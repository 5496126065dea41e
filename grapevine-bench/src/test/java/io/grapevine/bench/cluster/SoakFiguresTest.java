package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakFiguresTest {
    // node 0 runs throughout (pid 10); node 1 is restarted between the second and third samples (pid 11, then 21)
    private static final List<Soak.Sample> SAMPLES = List.of(
            new Soak.Sample(0, 0, 10, 50, 1.0), new Soak.Sample(0, 1, 11, 60, 2.0),
            new Soak.Sample(60, 0, 10, 52, 1.6), new Soak.Sample(60, 1, 11, 61, 2.5),
            new Soak.Sample(120, 0, 10, 55, 2.2), new Soak.Sample(120, 1, 21, 40, 0.3));

    @Test
    void figuresCountCpuPerProcessAndGrowthOnlyForNodesNeverRestarted() {
        SoakFigures figures = SoakFigures.of(SAMPLES, 2);

        assertThat(figures.maxRssMib()).isEqualTo(61);
        assertThat(figures.rssGrowthMib()).hasValue(5);
        // CPU: node 0 0.6 + 0.6, node 1 0.5 (the restart's first sample starts a new process) = 1.7 s over 2 nodes, 2 min
        assertThat(figures.cpuSecondsPerNodePerMinute()).isCloseTo(0.425, within(1e-9));
    }

    @Test
    void theSeriesHasOneRowPerSamplingTime() {
        List<double[]> rows = SoakFigures.series(SAMPLES);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly(60, 56.5, 61, (0.6 + 0.5) / 2);
        assertThat(rows.get(2)[3]).as("only node 0 ran since the last sample").isCloseTo(0.6, within(1e-9));
    }

    @Test
    void theCsvHasAHeaderAndASampleALine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("soak.csv");
        SoakFigures.writeCsv(SAMPLES, csv);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7).first().isEqualTo("seconds,node,pid,rss_mib,cpu_s");
        assertThat(lines.get(6)).isEqualTo("120.0,1,21,40.00,0.30");
    }
}
