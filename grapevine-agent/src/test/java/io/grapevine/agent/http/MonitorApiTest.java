package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.net.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/monitor}: the process's log lines as SSE, filtered by level. The test logs
 * through its own logger set to DEBUG (the root stays at logback.xml's WARN), so the lines are
 * known and nothing else of that logger interferes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorApiTest {
    private static final String LOGGER = "io.grapevine.test.monitor";
    private final TestNodes nodes = new TestNodes();
    private final Logger log = LoggerFactory.getLogger(LOGGER);
    private Http http;

    @BeforeAll
    void start() {
        ((ch.qos.logback.classic.Logger) log).setLevel(Level.DEBUG);
        Cluster node = nodes.start("mon-0");
        http = Http.of(nodes.api(node));
    }

    @AfterAll
    void stop() {
        ((ch.qos.logback.classic.Logger) log).setLevel(null);
        nodes.close();
    }

    private static boolean logLine(SseReader.Event event, String message) {
        return event.type().equals("log") && event.json().get("message").asText().equals(message);
    }

    @Test
    void aLineLoggedWhileConnectedArrivesWithItsLevelLoggerAndThread() {
        try (SseReader monitor = SseReader.connectedPath(http.base(), "/v1/monitor")) {
            assertThat(monitor.status()).isEqualTo(200);
            SseReader.Event started = monitor.awaitEvent(e -> e.type().equals("started"));
            assertThat(started.json().get("level").asText()).isEqualTo("info");
            assertThat(started.json().get("agentLevel").asText()).isEqualTo("warn"); // logback.xml's root

            log.info("monitor line one");

            JsonNode line = monitor.awaitEvent(e -> logLine(e, "monitor line one")).json();
            assertThat(line.get("level").asText()).isEqualTo("info");
            assertThat(line.get("logger").asText()).isEqualTo(LOGGER);
            assertThat(line.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
            assertThat(line.get("timestamp").asLong()).isPositive();
            assertThat(line.get("throwable").asText()).isEmpty();
            assertThat(monitor.events().stream().filter(e -> e.type().equals("log"))).allMatch(e -> e.id().isEmpty());
        }
    }

    @Test
    void linesBelowTheRequestedLevelAreNotStreamed() {
        try (SseReader monitor = SseReader.connectedPath(http.base(), "/v1/monitor?level=warn")) {
            log.info("an info line a warn monitor skips");
            log.debug("a debug line a warn monitor skips");
            IllegalStateException cause = new IllegalStateException("boom");
            cause.setStackTrace(new StackTraceElement[0]); // a short trace in the build's output
            log.warn("a warning with a cause", cause);

            JsonNode warning = monitor.awaitEvent(e -> logLine(e, "a warning with a cause")).json();
            assertThat(warning.get("level").asText()).isEqualTo("warn");
            assertThat(warning.get("throwable").asText()).contains("IllegalStateException: boom");
            // lines are queued in the order logged: the skipped ones would have come first
            assertThat(monitor.events().stream().filter(e -> e.type().equals("log"))
                    .map(e -> e.json().get("message").asText())).containsExactly("a warning with a cause");
        }
    }

    @Test
    void aDebugMonitorSeesDebugLinesOfALoggerSetToDebug() {
        try (SseReader monitor = SseReader.connectedPath(http.base(), "/v1/monitor?level=DEBUG")) {
            log.debug("a debug line");
            assertThat(monitor.awaitEvent(e -> logLine(e, "a debug line")).json().get("level").asText())
                    .isEqualTo("debug");
        }
    }

    @Test
    void anUnknownLevelIs400() {
        Http.Response response = http.get("/v1/monitor?level=loud");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("level must be one of [trace, debug, info, warn, error], was \"loud\"");
    }

    @Test
    void closingTheApiEndsTheMonitorStreamsAfterTheLinesLoggedBefore() {
        TestNodes own = new TestNodes();
        try (own) {
            HttpApi api = own.api(own.start("mon-closing"));
            SseReader monitor = SseReader.connectedPath(Http.of(api).base(), "/v1/monitor");
            log.info("the last words before the close");
            api.close();
            monitor.awaitEnd();
            assertThat(monitor.events()).anyMatch(e -> logLine(e, "the last words before the close"));
        }
    }
}
