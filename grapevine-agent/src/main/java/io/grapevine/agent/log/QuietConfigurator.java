package io.grapevine.agent.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's default configuration for every grapevine command, found through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}: warnings and errors on
 * stderr as {@link LineEncoder} lines, so that {@code sim} and {@code demo} print only their
 * report. {@code grapevine agent} then replaces it from its own flags ({@link LogSetup}).
 *
 * <p>In code rather than a {@code logback.xml}: reading XML costs each process Logback's Joran
 * configurator, its model classes and the JDK's XML parser, about 400 classes that an idle
 * agent keeps in its metaspace for nothing (docs/PERFORMANCE.md, "RSS of an agent").
 */
public final class QuietConfigurator extends ContextAwareBase implements Configurator {
    /** The configurator; Logback instantiates it through the service loader. */
    public QuietConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
