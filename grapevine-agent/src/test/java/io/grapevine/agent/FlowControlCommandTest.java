package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim flow-control}: both modes side by side, flow control sends less, the plot is a PNG; bad flags named. */
class FlowControlCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsBothModesAndDrawsThePlot() throws IOException {
        Path png = dir.resolve("flow.png");
        CommandLineRun run = CommandLineRun.of("sim", "flow-control", "--nodes", "32", "--write-rate", "300", "--keys",
                "300", "--quiet-writers", "4", "--seconds", "4", "--budget", "65536", "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String writer = run.out().lines().filter(l -> l.startsWith("writer bytes/s")).findFirst().orElseThrow();
        String[] cells = writer.trim().split("\\s+");
        assertThat(Double.parseDouble(cells[3])).isLessThan(Double.parseDouble(cells[2]));
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aBadBudgetNamesTheFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "flow-control", "--budget", "10");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--budget");
    }
}
