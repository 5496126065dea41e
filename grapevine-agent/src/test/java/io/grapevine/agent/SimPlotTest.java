package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot FILE.png}: the simulator's pictures are written as real PNGs, and a bad path names the flag. */
class SimPlotTest {
    @TempDir
    Path dir;

    private static BufferedImage png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(file.toFile());
    }

    @Test
    void anEpidemicRunDrawsItsSpreadCurve() throws IOException {
        Path file = dir.resolve("spread.png");
        CommandLineRun run = CommandLineRun.of("sim", "epidemic", "--nodes", "500", "--runs", "3", "--mode", "push-pull",
                "--plot", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = png(file);
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(540);
    }

    @Test
    void aScenarioDrawsTheCdfOfItsOutcomeOverTheRuns() throws IOException {
        Path file = dir.resolve("cdf.png");
        CommandLineRun run = CommandLineRun.of("sim", "failure", "--nodes", "16", "--runs", "3", "--periods", "30",
                "--plot", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(png(file).getWidth()).isEqualTo(900);
    }

    @Test
    void anUnwritablePlotFileFailsNamingTheFlag() {
        Path file = dir.resolve("no-such-dir").resolve("x.png");
        CommandLineRun run = CommandLineRun.of("sim", "epidemic", "--nodes", "100", "--plot", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--plot");
    }
}
