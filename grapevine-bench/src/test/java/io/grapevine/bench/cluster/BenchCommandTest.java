package io.grapevine.bench.cluster;

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

class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s1 --nodes 1             | --nodes must be in 2..256: 1",
        "s1 --nodes 1000          | --nodes must be in 2..256: 1000",
        "s2 --runs 0              | --runs must be in 1..1000: 0",
        "s3 --warmup -1           | --warmup must be in 0..100: -1",
        "s5 --duration-s 1        | --duration-s must be in 5..86400: 1",
        "s4 --timeout-s 0         | --timeout-s must be in 1..3600: 0",
        "s4 --settle-ms -5        | --settle-ms must be in 0..600000: -5",
        "s1 --format xml          | --format must be text or json: xml",
        "s1 --peer consul         | --peer must be none or serf: consul",
        "s1 --processes --in-jvm  | --processes and --in-jvm are mutually exclusive",
        "s1 --summary-out /nonexistent-dir/s.json | --summary-out must be a file in an existing directory: /nonexistent-dir/s.json",
        "s1 --json-out /tmp       | --json-out must be a file, not a directory: /tmp",
        "s9                       | SCENARIO must be one of s1, s1roll, s2, s2pause, s3, s4, s5, flood, soak: s9",
        "flood --nodes 8          | flood needs separate processes (--processes, or --nodes 32 or more)",
        "soak --nodes 8           | soak needs separate processes (--processes, or --nodes 32 or more)",
        "s3 --processes --csv-out /tmp/s.csv | --csv-out and --plot are for the soak only",
        "soak --processes --kill-every-s -1 | --kill-every-s must be in 0..86400: -1",
        "s3 --plaintext --in-jvm  | --plaintext needs separate processes (--processes, or --nodes 32 or more)",
        "s2pause --pause-ms 0 --processes | --pause-ms must be in 1..600000: 0",
        "s2pause --nodes 4 --in-jvm | s2pause needs separate processes (--processes, or --nodes 32 or more)",
        "s2 --profile quick       | --profile must be lan, wan, local or fast: quick",
        "s2 --profile fast --peer serf | --profile fast has no Serf counterpart (Serf runs -profile=lan): drop --peer serf"})
    void badArgumentsNameTheFlag(String args, String message) {
        assertThat(execute(args.trim().split(" +"))).isEqualTo(2);
        assertThat(err.toString()).contains(message);
    }

    @Test
    void separateProcessesAreTheDefaultFrom32Nodes() {
        BenchCommand small = new BenchCommand();
        new CommandLine(small).parseArgs("s1", "--nodes", "31");
        BenchCommand large = new BenchCommand();
        new CommandLine(large).parseArgs("s1", "--nodes", "32");
        BenchCommand forced = new BenchCommand();
        new CommandLine(forced).parseArgs("s1", "--nodes", "64", "--in-jvm");
        assertThat(small.separateProcesses()).isFalse();
        assertThat(large.separateProcesses()).isTrue();
        assertThat(forced.separateProcesses()).isFalse();
    }

    @Test
    void traceFilesOfTheVariantsOfS2HaveDistinctNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String[] args : new String[][] {{"s2"}, {"s2", "--failure", "stop"}, {"s2pause", "--pause-ms", "2000"},
                {"s2pause", "--pause-ms", "5000"}, {"s1"}}) {
            BenchCommand command = new BenchCommand();
            new CommandLine(command).parseArgs(args);
            names.put(String.join(" ", args), command.traceName(io.grapevine.bench.cluster.BenchScenario.valueOf(
                    args[0].toUpperCase(java.util.Locale.ROOT))));
        }
        assertThat(names).containsExactly(java.util.Map.entry("s2", "s2"), java.util.Map.entry("s2 --failure stop", "s2stop"),
                java.util.Map.entry("s2pause --pause-ms 2000", "s2pause2000"),
                java.util.Map.entry("s2pause --pause-ms 5000", "s2pause5000"), java.util.Map.entry("s1", "s1"));
    }

    @Test
    void fourNodesInThisJvmJoinAndAreReportedAsJson() {
        int code = execute("s1", "--nodes", "4", "--runs", "1", "--warmup", "0", "--in-jvm", "--format", "json",
                "--timeout-s", "30");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"scenario\":\"S1\"", "\"nodes\":4", "\"system\":\"grapevine\"",
                "\"join_all_ms\":{\"runs\":[", "\"timeouts\":0", "\"falselyDead\":0");
    }

    @Test
    void fourNodesInThisJvmJoinOneAtATimeAndTheSummaryIsAppended(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.jsonl");
        int code = execute("s1roll", "--nodes", "4", "--runs", "1", "--warmup", "0", "--in-jvm", "--timeout-s", "30",
                "--summary-out", summary.toString(), "--work-dir", dir.resolve("work").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("S1ROLL rolling join, N=4", "grapevine setup: in-jvm, profile lan",
                "joined: Cluster.join(node 0's gossip address)", "clock: per joiner");
        assertThat(out.toString()).containsPattern("grapevine +in-jvm +joiner seen alive by all +3 ");
        assertThat(out.toString()).containsPattern("grapevine +in-jvm +all joins \\(start-ups excluded\\) +1 ")
                .containsPattern("grapevine +in-jvm +first join to last in \\(wall\\) +1 ");

        int again = execute("s1roll", "--nodes", "2", "--runs", "1", "--warmup", "0", "--in-jvm", "--timeout-s", "30",
                "--summary-out", summary.toString(), "--work-dir", dir.resolve("work").toString());
        assertThat(again).as(err.toString()).isZero();
        var lines = Files.readAllLines(summary);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"command\":\"bench s1roll --nodes 4 ", "\"scenario\":\"S1ROLL\"",
                "\"nodes\":4", "\"roll_joiner_seen_by_all_ms\":{\"samples\":3,", "\"falselyDead\":0",
                "\"mode\":\"in-jvm\"").containsPattern("\"commit\":\"(unknown|[0-9a-f]+)\"");
        assertThat(lines.get(1)).contains("\"nodes\":2", "\"roll_joiner_seen_by_all_ms\":{\"samples\":1,");
        assertThat(dir.resolve("work")).doesNotExist(); // nothing but the summary is written for in-JVM nodes
    }
}
