package io.grapevine.agent.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender on the root logger that hands each log line to the {@code /v1/monitor}
 * clients subscribed at or below its level, through one bounded queue per client. It sees what
 * the process logs at the root's level ({@code --log-level}): a line below it is never produced,
 * so no subscriber can ask for it.
 *
 * <p>Never blocks the logging thread: a client whose queue is full loses the line, which is
 * counted ({@link Subscription#takeDropped()}) so its writer can say how many it missed. Lines
 * logged by a monitor writer while it writes (Jetty's own debug output about that write) and
 * Jetty's debug and trace lines are not tapped, so that streaming the log never feeds itself.
 *
 * <p>Threads: {@link #append} runs on whichever thread logs; {@link #subscribe} and
 * {@link Subscription#close()} on the clients' writer threads. A reset of the logger context
 * (the agent's {@code LogSetup.apply}) detaches the tap, so the agent configures logging first.
 */
final class LogTap extends UnsynchronizedAppenderBase<ILoggingEvent> implements AutoCloseable {
    /** Set while a monitor writer writes, so that what that write logs is not tapped. */
    static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);
    /** Queued by {@link #close()} to wake the writers; never streamed. */
    static final LogLine CLOSED = new LogLine(0, "", "", "", "", "");
    private static final String JETTY = "org.eclipse.jetty";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final int clientQueue;
    private final Logger root;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private LogTap(int clientQueue, Logger root) {
        this.clientQueue = clientQueue;
        this.root = root;
    }

    /**
     * One log line as the monitor streams it.
     *
     * @param timestamp when it was logged, epoch milliseconds
     * @param level trace, debug, info, warn or error
     * @param logger the logger's name
     * @param thread the thread that logged it
     * @param message the formatted message
     * @param throwable the stack trace of the exception logged with it, or empty
     */
    record LogLine(long timestamp, String level, String logger, String thread, String message, String throwable) {
    }

    /** One client's queue, its level and the lines it lost. Closed by its writer. */
    final class Subscription implements AutoCloseable {
        private final Level threshold;
        private final BlockingQueue<LogLine> queue = new ArrayBlockingQueue<>(clientQueue);
        private final AtomicLong dropped = new AtomicLong();

        private Subscription(Level threshold) {
            this.threshold = threshold;
        }

        /** The queue the writer drains. */
        BlockingQueue<LogLine> queue() {
            return queue;
        }

        /** Lines lost to a full queue since the last call; resets the count. */
        long takeDropped() {
            return dropped.getAndSet(0);
        }

        private void offer(ILoggingEvent event, LogLine line) {
            if (event.getLevel().isGreaterOrEqual(threshold) && !queue.offer(line)) {
                dropped.incrementAndGet();
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    /**
     * A started tap on the root logger of Logback's context.
     *
     * @param clientQueue lines queued per client, at least 1
     * @return the tap, or empty when SLF4J is not bound to Logback (nothing to tap)
     */
    static Optional<LogTap> attach(int clientQueue) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        LogTap tap = new LogTap(clientQueue, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        tap.setContext(context);
        tap.setName("grapevine-monitor-" + NAMES.incrementAndGet());
        tap.start();
        tap.root.addAppender(tap);
        return Optional.of(tap);
    }

    /**
     * Starts queueing the lines at {@code threshold} or above for one client.
     *
     * @param threshold the lowest level wanted
     * @return the subscription; close it when the client goes
     */
    Subscription subscribe(Level threshold) {
        Subscription subscription = new Subscription(threshold);
        subscriptions.add(subscription);
        return subscription;
    }

    /** The level below which nothing is logged at all: the root logger's. */
    Level rootLevel() {
        return root.getEffectiveLevel();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (subscriptions.isEmpty() || WRITING.get()
                || (event.getLoggerName().startsWith(JETTY) && !event.getLevel().isGreaterOrEqual(Level.INFO))) {
            return;
        }
        LogLine line = line(event);
        for (Subscription subscription : subscriptions) {
            subscription.offer(event, line);
        }
    }

    private static LogLine line(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return new LogLine(event.getTimeStamp(), event.getLevel().toString().toLowerCase(java.util.Locale.ROOT),
                event.getLoggerName(), event.getThreadName(), event.getFormattedMessage(),
                thrown == null ? "" : ThrowableProxyUtil.asString(thrown));
    }

    /**
     * Detaches from the root logger and wakes every subscriber's writer with {@link #CLOSED}
     * (a writer whose queue is full is busy and sees the close at its next line). Idempotent.
     */
    @Override
    public void close() {
        root.detachAppender(this);
        stop();
        for (Subscription subscription : subscriptions) {
            subscription.queue.offer(CLOSED);
        }
        subscriptions.clear();
    }
}
