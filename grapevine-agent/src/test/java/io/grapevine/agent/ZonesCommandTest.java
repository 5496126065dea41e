package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim zones}: both protocols side by side, zone-aware crossing zones far less, the plot is a PNG. */
class ZonesCommandTest {
    @TempDir
    Path dir;

    private static long cell(String out, String row, int column) {
        for (String line : out.split("\n")) {
            if (line.startsWith(row)) {
                String[] cells = line.substring(52).trim().split("\\s+");
                return Long.parseLong(cells[column]);
            }
        }
        throw new AssertionError("no row " + row + " in\n" + out);
    }

    @Test
    void printsZoneAwareBesideFlatAndDrawsThePlot() throws IOException {
        Path png = dir.resolve("zones.png");
        CommandLineRun run = CommandLineRun.of("sim", "zones", "--zones", "3", "--per-zone", "8", "--periods", "10",
                "--writes", "2", "--cut", "10", "--plot", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("zone-aware", "flat", "zone-2 cut off for 10 s");
        long aware = cell(run.out(), "cross-zone bytes/s, idle", 0);
        long flat = cell(run.out(), "cross-zone bytes/s, idle", 1);
        assertThat(aware).isPositive().isLessThan(flat);
        assertThat(cell(run.out(), "write to every node, max ms", 0)).isBetween(50L, 5_000L);
        assertThat(run.out()).contains("0 of 2");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void badFlagsAreNamed() {
        CommandLineRun zones = CommandLineRun.of("sim", "zones", "--zones", "1");
        assertThat(zones.exitCode()).isEqualTo(2);
        assertThat(zones.err()).contains("--zones");
        CommandLineRun both = CommandLineRun.of("sim", "zones", "--flat", "--zone-aware-only");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--flat");
    }
}
