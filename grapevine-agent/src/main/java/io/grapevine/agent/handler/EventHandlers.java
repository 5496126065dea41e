package io.grapevine.agent.handler;

import io.grapevine.core.ClusterEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent's {@code --event-handler} scripts for cluster events, as Serf does: the
 * matching scripts of each event, in flag order, one at a time, events in arrival order.
 *
 * <p>What a script gets: {@code /bin/sh -c SCRIPT}, the agent's environment plus
 * {@code GRAPEVINE_EVENT}, {@code GRAPEVINE_SELF_NAME} and, for user events,
 * {@code GRAPEVINE_USER_EVENT} and {@code GRAPEVINE_USER_LTIME} ({@link HandlerEnvironment});
 * on stdin {@code name\taddress\tstatus\n} for a member event or the payload for a user
 * event; the agent's working directory. Which core events reach scripts:
 * {@link EventMapping}. Its stdout and stderr (merged, first {@link #MAX_OUTPUT_BYTES} kept)
 * are logged at debug when it exits 0 and at warn otherwise.
 *
 * <p>Threading: {@link #onEvent} may be called from any thread (the cluster's event thread)
 * and never blocks: it maps the event, enqueues it if some spec matches, and returns. One
 * daemon worker thread, {@code grapevine-handlers-NAME}, runs the scripts; helper threads
 * ({@code grapevine-handler-io-NAME}) feed stdin and read output. The counters are readable
 * from any thread.
 *
 * <p>Bad behaviour, bounded: a script running past the timeout is killed with its
 * descendants and counted in {@link #timeouts()}; a non-zero exit (or a shell that cannot
 * start) is counted in {@link #failures()}; neither stops the next event. When events arrive
 * faster than scripts finish, the queue (of {@code queueCapacity} events) fills and further
 * events are dropped and counted in {@link #dropped()}, with one warning per episode; memory
 * never grows past the queue. {@link #close()} stops the worker and kills a running script.
 */
public final class EventHandlers implements AutoCloseable {
    /** How long a script may run by default before it is killed (Serf has none). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Events waiting for the worker, by default, before new ones are dropped. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;
    /** Output kept of each run for the log; the rest is read and discarded. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** How long {@link #close()} waits for the worker to stop after killing its script. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(EventHandlers.class);

    private final List<HandlerSpec> specs;
    private final String selfName;
    private final BlockingQueue<HandlerEvent> queue;
    private final ExecutorService pumps;
    private final ScriptRunner runner;
    private final Thread worker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * Starts the worker with {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_QUEUE_CAPACITY}.
     *
     * @see #EventHandlers(List, String, Duration, int)
     */
    public EventHandlers(List<HandlerSpec> specs, String selfName) {
        this(specs, selfName, DEFAULT_TIMEOUT, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * Starts the worker thread. With no specs nothing is ever queued (the agent may skip
     * creating one).
     *
     * @param specs the handlers, in flag order
     * @param selfName this node's name ({@code GRAPEVINE_SELF_NAME}); non-blank
     * @param timeout how long one script may run before it is killed; positive
     * @param queueCapacity events that may wait for the worker; {@code >= 1}
     * @throws IllegalArgumentException naming the bad argument and its value
     */
    public EventHandlers(List<HandlerSpec> specs, String selfName, Duration timeout, int queueCapacity) {
        if (specs == null || specs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("event handler specs must not be null");
        }
        if (selfName == null || selfName.isBlank()) {
            throw new IllegalArgumentException("selfName must not be blank");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("event handler timeout (" + timeout + ") must be > 0");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("event handler queueCapacity (" + queueCapacity + ") must be >= 1");
        }
        this.specs = List.copyOf(specs);
        this.selfName = selfName;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.pumps = Executors.newCachedThreadPool(daemons("grapevine-handler-io-" + selfName));
        this.runner = new ScriptRunner(timeout, MAX_OUTPUT_BYTES, pumps);
        this.worker = new Thread(this::work, "grapevine-handlers-" + selfName);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues {@code event} for the handlers whose filter matches it, without blocking. An
     * event no handler wants is ignored; one that finds the queue full, or arrives after
     * {@link #close()}, is dropped and counted.
     */
    public void onEvent(ClusterEvent event) {
        Optional<HandlerEvent> mapped = EventMapping.toHandlerEvent(event);
        if (mapped.isEmpty() || !wanted(mapped.get())) {
            return;
        }
        if (!closed.get() && queue.offer(mapped.get())) {
            if (dropping.get() && dropping.compareAndSet(true, false)) {
                LOG.info("event handler queue accepting events again; {} dropped so far", dropped.get());
            }
            return;
        }
        dropped.incrementAndGet();
        if (!closed.get() && dropping.compareAndSet(false, true)) {
            LOG.warn("event handler queue full ({} events waiting): dropping events until the handlers catch up",
                    queue.size());
        }
    }

    private boolean wanted(HandlerEvent event) {
        for (HandlerSpec spec : specs) {
            if (spec.matches(event)) {
                return true;
            }
        }
        return false;
    }

    /** Script runs that ended: succeeded, failed, or timed out. */
    public long runs() {
        return runs.get();
    }

    /** Runs that exited non-zero, or whose shell could not be started. */
    public long failures() {
        return failures.get();
    }

    /** Runs killed at the timeout (not counted in {@link #failures()}). */
    public long timeouts() {
        return timeouts.get();
    }

    /** Events dropped because the queue was full or the handlers were closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Events waiting for the worker now. */
    public int queueDepth() {
        return queue.size();
    }

    /**
     * Stops the worker: interrupts it, which kills a running script and its descendants, and
     * waits for it at most a few seconds. Events still queued are discarded (not counted).
     * Idempotent; later {@link #onEvent} calls count as dropped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.interrupt();
        try {
            worker.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("event handler worker did not stop within {}", CLOSE_WAIT);
        }
        pumps.shutdownNow();
        queue.clear();
    }

    private void work() {
        try {
            while (!closed.get()) {
                HandlerEvent event = queue.take();
                for (HandlerSpec spec : specs) {
                    if (spec.matches(event)) {
                        record(spec, event, runner.run(spec.script(), event, selfName));
                    }
                }
            }
        } catch (InterruptedException e) {
            // close(): the running script, if any, was killed
        } catch (RuntimeException | Error e) {
            LOG.error("event handler worker stopped by a bug; no more handlers will run", e);
            throw e;
        }
    }

    private void record(HandlerSpec spec, HandlerEvent event, ScriptResult result) {
        runs.incrementAndGet();
        long millis = result.elapsed().toMillis();
        switch (result.outcome()) {
            case SUCCEEDED -> LOG.debug("event handler '{}' for {} exited 0 in {} ms; {}", spec, event, millis,
                    shown(result));
            case FAILED -> {
                failures.incrementAndGet();
                LOG.warn("event handler '{}' for {} exited {} in {} ms; {}", spec, event, result.exitCode(), millis,
                        shown(result));
            }
            case TIMED_OUT -> {
                timeouts.incrementAndGet();
                LOG.warn("event handler '{}' for {} killed after {} ms (timeout); {}", spec, event, millis,
                        shown(result));
            }
            case NOT_STARTED -> {
                failures.incrementAndGet();
                LOG.warn("event handler '{}' for {} did not start: {}", spec, event, result.output());
            }
            default -> throw new IllegalStateException("unknown outcome " + result.outcome());
        }
    }

    private static String shown(ScriptResult result) {
        String output = result.output().stripTrailing();
        if (output.isEmpty()) {
            return "no output";
        }
        return (result.outputTruncated() ? "output (first " + MAX_OUTPUT_BYTES + " bytes): " : "output: ") + output;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
