package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ReconcileCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ReconcileCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--nodes 1|--nodes",
            "--keys 0|--keys",
            "--budget 10|--budget",
            "--policy sideways|--policy",
            "--workload storm|--workload",
            "--key-class HUGE|--key-class",
            "--heavy-writes 5|--heavy-writes",
            "--workload starvation --keys 5|--keys",
            "--workload starvation --heavy-writers 0|--heavy-writers",
            "--workload starvation --quiet-class LOUD|--quiet-class",
            "--workload starvation --quiet-round 0|--quiet-round",
            "--max-rounds 0|--max-rounds",
            "--runs 0|--runs",
            "--format xml|--format"})
    void badFlagsExitNonZeroNamingTheFlag(String args, String flag) {
        assertThat(run(args.split(" "))).isEqualTo(2);
        assertThat(err.toString()).contains(flag);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void smallLoadComparesAllThreePolicies() {
        assertThat(run("--nodes", "8", "--keys", "50")).isZero();
        assertThat(out.toString()).contains("breadth-first", "depth-first", "precise", "digest/node");
    }

    @Test
    void starvationReportsStalenessPerClass() {
        assertThat(run("--workload", "starvation", "--nodes", "16", "--heavy-writes", "50", "--heavy-keys", "500",
                "--policy", "depth-first", "--quiet-class", "critical", "--format", "csv")).isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).contains("depth-first,CRITICAL,1,");
    }
}
