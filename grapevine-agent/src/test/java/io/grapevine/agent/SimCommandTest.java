package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sim nope                                      | <scenario>",
        "sim join --nodes 1                            | --nodes",
        "sim join --nodes 0                            | --nodes",
        "sim join --loss 1.5                           | --loss",
        "sim join --loss -0.1                          | --loss",
        "sim join --runs 0                             | --runs",
        "sim join --periods 0                          | --periods",
        "sim join --format xml                         | --format",
        "sim join --duplicate 1                        | --duplicate",
        "sim slow-nodes --slow-fraction 2              | --slow-fraction",
        "sim slow-nodes --slow-min-ms 900 --slow-max-ms 100 | --slow-max-ms",
        "sim pause --pause-ms 0                        | --pause-ms",
        "sim join --probe-interval-ms 100 --probe-timeout-ms 200 | --probe-timeout-ms",
        "sim join --profile moon                       | --profile",
        "sim join --nodes many                         | --nodes",
        "sim join --bogus                              | --bogus",
    })
    void badFlagsExitWithUsageErrorNamingTheFlag(String args, String flag) {
        CommandLineRun run = CommandLineRun.of(args.trim().split("\\s+"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(flag);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void jsonOutputHasOneObjectPerRunAndASummary() {
        CommandLineRun run = CommandLineRun.of("sim", "failure", "--nodes", "16", "--runs", "3", "--seed", "5",
                "--periods", "40", "--format", "json");
        assertThat(run.exitCode()).isZero();
        List<String> lines = Arrays.asList(run.out().strip().split("\n"));
        assertThat(lines).hasSize(4);
        for (int r = 0; r < 3; r++) {
            assertThat(lines.get(r)).startsWith("{\"type\":\"run\",\"scenario\":\"failure\",\"run\":" + r)
                    .contains("\"seed\":" + (5 + r)).contains("\"outcome_ms\":").contains("\"trace_hash\":")
                    .endsWith("}");
        }
        assertThat(lines.get(3)).startsWith("{\"type\":\"summary\"").contains("\"runs\":3")
                .contains("\"outcome_ms\":{\"median\":").contains("\"p90\":").contains("\"max\":");
    }

    @Test
    void csvOutputHasAHeaderAndOneRowPerRun() {
        CommandLineRun run = CommandLineRun.of("sim", "leave", "--nodes", "12", "--runs", "2", "--periods", "20",
                "--format", "csv", "--loss", "0.01");
        assertThat(run.exitCode()).isZero();
        List<String> lines = Arrays.asList(run.out().strip().split("\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("run,scenario,nodes,seed,outcome_reached,trace_hash,outcome_ms,");
        int columns = lines.get(0).split(",", -1).length;
        assertThat(lines.get(1).split(",", -1)).hasSize(columns);
        assertThat(lines.get(1)).startsWith("0,leave,12,1,true,");
        assertThat(lines.get(2)).startsWith("1,leave,12,2,true,");
    }

    @Test
    void textOutputIsATableWithTheSummaryColumns() {
        CommandLineRun run = CommandLineRun.of("sim", "event", "--nodes", "12", "--periods", "10",
                "--no-lifeguard", "--quorum", "--probe-interval-ms", "500", "--latency-ms", "2", "--duplicate", "0.01");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scenario event, 12 nodes, 1 run(s)").contains("median").contains("p90")
                .contains("outcome_ms").contains("trace hashes:");
    }

    @Test
    void theSameSeedPrintsTheSameTraceHash() {
        String[] args = {"sim", "join", "--nodes", "12", "--periods", "10", "--format", "csv"};
        String first = CommandLineRun.of(args).out().split("\n")[1].split(",")[5];
        String second = CommandLineRun.of(args).out().split("\n")[1].split(",")[5];
        assertThat(second).isEqualTo(first).hasSize(16);
    }
}
