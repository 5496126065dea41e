package io.grapevine.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LineEncoderTest {
    private static final long MILLIS = 1_700_000_000_123L;
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger(logger), level, message, thrown, args);
        event.setTimeStamp(MILLIS);
        return event;
    }

    @Test
    void writesTheLayoutOfThePattern() {
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochMilli(MILLIS));
        LineEncoder encoder = new LineEncoder();
        byte[] line = encoder.encode(event("io.grapevine.net.Cluster", Level.INFO, "joined: {} members", null, 3));
        assertThat(new String(line, StandardCharsets.UTF_8))
                .isEqualTo(time + " INFO  Cluster: joined: 3 members" + System.lineSeparator());
        assertThat(LineEncoder.format(event("plain", Level.ERROR, "x", null))).startsWith(time + " ERROR plain: x");
        assertThat(encoder.headerBytes()).isNull();
        assertThat(encoder.footerBytes()).isNull();
    }

    @Test
    void appendsTheStackTraceAfterTheLine() {
        String text = LineEncoder.format(event("a.B", Level.WARN, "failed", new IllegalStateException("boom")));
        assertThat(text.lines().toList()).first().asString().endsWith(" WARN  B: failed");
        assertThat(text.lines().toList()).element(1).asString().isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(text).contains("\tat io.grapevine.agent.log.LineEncoderTest").endsWith(System.lineSeparator());
    }

    @Test
    void theLoggersLastSegment() {
        assertThat(LineEncoder.lastSegment("io.grapevine.agent.run.Agent")).isEqualTo("Agent");
        assertThat(LineEncoder.lastSegment("plain")).isEqualTo("plain");
    }
}
