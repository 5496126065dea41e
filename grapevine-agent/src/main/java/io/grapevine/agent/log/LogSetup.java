package io.grapevine.agent.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.grapevine.agent.config.LogLevel;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback for the agent process ({@code --log-level}, {@code --log-json}), in code, so
 * the levels and format come from the {@link io.grapevine.agent.config.AgentConfig}, not from
 * system properties. Every other command keeps {@link QuietConfigurator}'s quiet default (warnings
 * and errors only, on stderr), so {@code sim} and {@code demo} print exactly their report.
 *
 * <p>Text lines: {@value #PATTERN} (in Logback's pattern syntax; {@link LineEncoder} writes them).
 * JSON: Logback's own {@link JsonEncoder}, one object per line
 * with {@code timestamp} (epoch millis), {@code level}, {@code threadName}, {@code loggerName},
 * {@code mdc}, {@code formattedMessage} and {@code throwable} (null unless an exception was logged).
 */
public final class LogSetup {
    /** The text layout, in Logback's pattern syntax: ISO-8601 local time with offset, level, logger, message. */
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}: %msg%n";
    private static final String APPENDER = "agent";

    private LogSetup() {
    }

    /**
     * Replaces the logging configuration: every logger at {@code level} (the root's), written to
     * {@code target} as text or JSON lines. A no-op when SLF4J is not bound to Logback.
     *
     * @param level the root level
     * @param json one JSON object per line instead of text
     * @param target where lines go (the agent passes {@code System.err}); never closed
     */
    public static void apply(LogLevel level, boolean json, OutputStream target) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder(context) : textEncoder(context);
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setEncoder(encoder);
        appender.setOutputStream(new NonClosing(target));
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(level));
        root.addAppender(appender);
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // the rendered message is what a reader wants; the raw template, arguments, sequence
        // numbers, nanoseconds and the logger context's properties are noise in an agent's log
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }

    /** Logback's level for {@code level}. */
    static Level level(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR -> Level.ERROR;
        };
    }

    /** Keeps the appender from closing stderr when the configuration is reset. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
