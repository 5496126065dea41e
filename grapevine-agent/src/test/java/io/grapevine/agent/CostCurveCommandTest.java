package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim cost-curve}: one row per size, the write load costs more than idle, the plot is a PNG. */
class CostCurveCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsOneRowPerSizeAndDrawsThePlot() throws IOException {
        Path png = dir.resolve("cost.png");
        CommandLineRun run = CommandLineRun.of("sim", "cost-curve", "--nodes", "16,32", "--periods", "20",
                "--write-rate", "5", "--format", "csv", "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("nodes,idle_msgs_per_node_s,idle_bytes_per_node_s,load_msgs_per_node_s");
        for (int i = 1; i <= 2; i++) {
            String[] cells = lines[i].split(",");
            assertThat(cells[0]).isEqualTo(i == 1 ? "16" : "32");
            assertThat(Double.parseDouble(cells[4])).isGreaterThan(Double.parseDouble(cells[2]));
            assertThat(Double.parseDouble(cells[5])).isPositive();
            assertThat(cells[6]).isEqualTo("0");
        }
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aBadSizeNamesTheFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "cost-curve", "--nodes", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--nodes");
    }
}
