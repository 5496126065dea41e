package io.grapevine.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.agent.GrapevineCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code grapevine demo} end to end: real agent processes on loopback, started from this module's
 * class path (the jar may not be built when tests run). The story's own deadlines bound the run.
 */
class DemoCommandTest {
    @TempDir
    Path logs;

    @Test
    void threeAgentsTellTheWholeStoryAndNoChildOutlivesTheDemo() {
        Run run = run(() -> AgentLauncher.withClasspath(System.getProperty("java.class.path")),
                "--nodes", "3", "--duration", "1", "--log-dir", logs.toString());

        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^http://127\\.0\\.0\\.1:[1-9][0-9]*/$")
                .containsPattern("node-1 learned that node-[23] joined")
                .contains("converged: every agent's /v1/health is 200 (each sees all 3 alive")
                .contains("node-2's greeting reached all 2 other agents")
                .contains("the deploy event reached all 2 other agents")
                .containsPattern("detected: node-[12] declared node-3 failed [0-9.]+ (ms|s) after the kill")
                .contains("all 2 survivors see node-3 failed")
                .contains("rejoined: all 2 others see node-3 alive again")
                .contains("converged again")
                .contains("--duration 1 s has passed: stopping the 3 agents with SIGTERM")
                .contains("all agents stopped (3 left gracefully)");
        assertThat(demoAgentsStillRunning()).isEmpty();
        assertThat(logs.resolve("node-3.log")).exists().isNotEmptyFile();
    }

    @Test
    void anAgentThatCannotStartFailsTheDemoNamingIt() {
        Path empty = logs.resolve("no-classes");
        Run run = run(() -> AgentLauncher.withClasspath(empty.toString()), "--nodes", "2", "--log-dir",
                logs.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("the demo failed: node-1 exited with exit code 1 before printing its banner")
                .contains("io.grapevine.agent.GrapevineCommand"); // the JVM's complaint, from the log's tail
        assertThat(demoAgentsStillRunning()).isEmpty();
    }

    @Test
    void aJavaThatDoesNotExistFailsTheDemoNamingIt() {
        Run run = run(() -> new AgentLauncher("/nonexistent/java", "x.jar", List.of()), "--log-dir", logs.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("the demo failed: could not start node-1 (/nonexistent/java)");
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheFlag() {
        for (String[] args : List.of(new String[] {"demo", "--nodes", "1"}, new String[] {"demo", "--nodes", "33"},
                new String[] {"demo", "--duration", "-1"})) {
            CommandLine cli = GrapevineCommand.newCommandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));

            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).startsWith("grapevine demo: Invalid value for " + args[1] + ": ")
                    .doesNotContain("Usage");
        }
    }

    private record Run(int code, String out) {
    }

    private static Run run(Supplier<AgentLauncher> launcher, String... args) {
        CommandLine cli = new CommandLine(new DemoCommand(launcher, System::nanoTime, System::nanoTime));
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    /** The demo's children among this JVM's descendants that are still alive. */
    private static List<String> demoAgentsStillRunning() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("pid " + p.pid()))
                .filter(command -> command.contains("--node node-") || command.startsWith("pid "))
                .toList();
    }
}
