package io.grapevine.agent.client;

import static io.grapevine.agent.client.ClientAgents.DEADLINE;
import static io.grapevine.agent.client.ClientAgents.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code grapevine monitor}: the agent's log lines as the agent's text log shows them. The test
 * logs through its own logger set to DEBUG (the root stays at logback.xml's WARN, which the
 * command points out), in the agent's process: the test's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorCommandTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";
    private final ClientAgents agents = new ClientAgents();
    private final Logger log = LoggerFactory.getLogger("io.grapevine.test.MonitorCli");
    private String api;

    @BeforeAll
    void start() {
        ((ch.qos.logback.classic.Logger) log).setLevel(Level.DEBUG);
        api = http(agents.start("mo-0"));
    }

    @AfterAll
    void stop() {
        ((ch.qos.logback.classic.Logger) log).setLevel(null);
        agents.close();
    }

    @Test
    void linesAtTheLevelOrAboveArePrintedAsTheAgentLogsThem() {
        Cli.Background monitor = Cli.background("monitor", "--http-addr", api).awaitFollowing();

        log.debug("below info: not shown");
        log.info("hello from the agent's process");
        IllegalStateException cause = new IllegalStateException("boom");
        cause.setStackTrace(new StackTraceElement[0]); // a short trace in the build's output
        log.warn("something went wrong", cause);
        await().atMost(DEADLINE).until(() -> monitor.out().contains("something went wrong"));
        Cli ended = monitor.interrupt();

        assertThat(ended.exitCode()).isEqualTo(StreamFollower.INTERRUPTED);
        assertThat(ended.out().lines().toList()).containsExactly(
                ended.out().lines().toList().get(0), ended.out().lines().toList().get(1),
                "java.lang.IllegalStateException: boom");
        assertThat(ended.out().lines().toList().get(0)).matches(TIME + " INFO  MonitorCli: hello from the agent's "
                + "process");
        assertThat(ended.out().lines().toList().get(1)).matches(TIME + " WARN  MonitorCli: something went wrong");
        assertThat(ended.err()).contains("Following the log of the agent at " + api + " (Ctrl-C to stop)",
                "The agent logs at warn: its info lines are not produced (start it with --log-level info to see them)");
    }

    @Test
    void aHigherLevelHidesLowerLinesAndTheDurationEndsIt() {
        Cli.Background monitor = Cli.background("monitor", "--level", "error", "--duration", "2s", "--http-addr", api)
                .awaitFollowing();

        log.warn("a warning an error monitor skips");
        log.error("an error it shows");
        Cli ended = monitor.finish();

        assertThat(ended.exitCode()).isZero();
        assertThat(ended.out().lines()).singleElement().asString().matches(TIME + " ERROR MonitorCli: an error it shows");
        assertThat(ended.err()).doesNotContain("not produced");
    }

    @Test
    void aBadLevelIsABadFlag() {
        Cli run = Cli.run("monitor", "--level", "loud", "--http-addr", api);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .contains("'--level': must be one of trace, debug, info, warn, error: loud");
    }
}
