package io.grapevine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = BenchMain.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listsTheClusterBenchmarkAndJmh() {
        assertThat(execute()).isZero();
        assertThat(out.toString()).contains("bench", "jmh");
    }

    @Test
    void benchIsTheClusterBenchmarkWithItsFlagChecks() {
        assertThat(execute("bench", "s1", "--nodes", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes must be in 2..256: 1");
    }

    @Test
    void jmhHandsEveryArgumentToJmhInOrder() {
        CommandLine cli = BenchMain.newCommandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("jmh", "TickBenchmark", "-prof", "gc", "-f", "1");
        assertThat(parsed.subcommand().unmatched()).isEqualTo(List.of("TickBenchmark", "-prof", "gc", "-f", "1"));
    }
}
