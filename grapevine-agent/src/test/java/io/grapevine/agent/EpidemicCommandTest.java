package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class EpidemicCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new EpidemicCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--nodes 1|--nodes",
            "--nodes x|--nodes",
            "--fanout 0|--fanout",
            "--loss 1|--loss",
            "--loss -0.1|--loss",
            "--mode sideways|--mode",
            "--style gossip|--style",
            "--style rumor --mode pull|--mode",
            "--style rumor --rumor loud|--rumor",
            "--style rumor --stop never|--stop",
            "--style rumor --k 0|--k",
            "--k 2|--k",
            "--stop coin|--stop",
            "--runs 0|--runs",
            "--max-rounds 0|--max-rounds",
            "--format xml|--format",
            "--digest-bytes -1|--digest-bytes",
            "--unknown|--unknown"})
    void badFlagsExitNonZeroNamingTheFlag(String args, String flag) {
        int exit = run(args.split(" "));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(flag);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void textReportHasSummaryAndTheory() {
        assertThat(run("--nodes", "1000", "--runs", "3", "--sync", "--mode", "push-pull")).isZero();
        assertThat(out.toString()).contains("summary (median / p90 / max)", "log3 N + ln ln N (Karp et al. 2000)");
    }

    @Test
    void sameSeedSameOutput() {
        run("--style", "rumor", "--k", "2", "--nodes", "2000", "--runs", "3", "--seed", "9", "--format", "json");
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("--style", "rumor", "--k", "2", "--nodes", "2000", "--runs", "3", "--seed", "9", "--format", "json");
        assertThat(out.toString()).isEqualTo(first).contains("\"summary\"", "\"residue_e_minus_m\"");
    }

    @Test
    void csvCurveGoesToItsOwnFileWhenAsked(@TempDir Path dir) throws Exception {
        Path curve = dir.resolve("curve.csv");
        assertThat(run("--style", "direct", "--nodes", "100", "--format", "csv", "--curve-out", curve.toString()))
                .isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(Files.readAllLines(curve)).containsExactly("run,round,informed_fraction", "0,0,0.01", "0,1,1");
    }
}
