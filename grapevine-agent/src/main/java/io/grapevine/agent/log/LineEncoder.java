package io.grapevine.agent.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes one event as the text line {@link LogSetup#PATTERN} describes: local ISO-8601 time with
 * offset, the level padded to five characters, the logger's last name segment, the message, a
 * new line, and the stack trace if one was logged.
 *
 * <p>Written by hand rather than with Logback's {@code PatternLayoutEncoder}: parsing a pattern
 * loads Logback's pattern compiler and converters (about 80 classes and 60 lambdas) into every
 * agent process for one fixed layout. Thread-safe (immutable; Logback calls it under the
 * appender's lock).
 */
public final class LineEncoder extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
    private static final int LEVEL_WIDTH = 5;

    /** An encoder; {@link #start()} it before use (Logback's life cycle; it holds no resources). */
    public LineEncoder() {
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return format(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** The event's line (with its trailing new line, and the stack trace after it if any). */
    static String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(96);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int pad = level.length(); pad < LEVEL_WIDTH; pad++) {
            line.append(' ');
        }
        line.append(' ').append(lastSegment(event.getLoggerName())).append(": ")
                .append(event.getFormattedMessage()).append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(System.lineSeparator());
        }
        return line.toString();
    }

    /** What {@code %logger{0}} prints: the name after its last dot. */
    static String lastSegment(String loggerName) {
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }
}
