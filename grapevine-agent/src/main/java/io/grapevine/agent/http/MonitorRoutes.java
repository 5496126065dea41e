package io.grapevine.agent.http;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/monitor?level=info}: the agent's log as Server-Sent Events, Serf's
 * {@code monitor}. Each line at {@code level} or above (trace, debug, info (default), warn,
 * error) is one {@code log} event whose data is a {@link LogTap.LogLine} in JSON; the stream
 * opens with a {@code started} event saying the level asked for and the level the agent logs at
 * (lines below the latter are never produced). A client that reads slower than lines arrive
 * loses the lines past its queue ({@code sseClientQueue}) and is told with a {@code dropped}
 * event {@code {"dropped": N}} before the next line; it is not disconnected for it. No backlog
 * and no ids: a monitor shows what is logged while it is connected. At most
 * {@code maxSseClients} monitors at once (counted apart from {@code /v1/events}); more get 503.
 * An unknown level is 400; a process whose SLF4J is not bound to Logback answers 501.
 *
 * <p>Threads: each client is written by its own thread (Javalin's async pool), which polls its
 * queue and sends a {@code keep-alive} comment when idle. {@link #close()} wakes the writers and
 * waits briefly for them, so their responses end before the server stops.
 */
final class MonitorRoutes implements AutoCloseable {
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private final Optional<LogTap> tap;
    private final ObjectMapper mapper;
    private final int maxClients;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private int connected;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    private MonitorRoutes(Optional<LogTap> tap, ObjectMapper mapper, int maxClients) {
        this.tap = tap;
        this.mapper = mapper;
        this.maxClients = maxClients;
    }

    /** Routes over a new {@link LogTap} on the process's Logback root logger, if it has one. */
    static MonitorRoutes attach(ObjectMapper mapper, HttpSettings settings) {
        return new MonitorRoutes(LogTap.attach(settings.sseClientQueue()), mapper, settings.maxSseClients());
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/monitor", this::open);
    }

    private void open(Context ctx) {
        Level level = level(ctx.queryParam("level"));
        LogTap logs = tap.orElseThrow(() -> new HttpResponseException(HttpStatus.NOT_IMPLEMENTED.getCode(),
                "this process does not log through Logback: there is no log to stream"));
        synchronized (lock) {
            if (closed || connected >= maxClients) {
                throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), closed
                        ? "the HTTP API is stopping"
                        : "too many monitor clients (maxSseClients " + maxClients + "); try again later");
            }
            connected++;
        }
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setCharacterEncoding("UTF-8");
            res.setContentType("text/event-stream");
            res.addHeader("Cache-Control", "no-cache");
            res.addHeader("X-Accel-Buffering", "no");
            res.flushBuffer();
        } catch (IOException e) {
            disconnected();
            throw new UncheckedIOException("the monitor client went away before it started", e);
        }
        ctx.async(config -> config.timeout = 0L, () -> {
            try {
                serve(new EventStream.ClientSink(new SseClient(ctx)), logs, level);
            } finally {
                disconnected();
            }
        });
    }

    private void disconnected() {
        synchronized (lock) {
            connected--;
            lock.notifyAll(); // close() may be waiting for the writers
        }
    }

    private static Level level(String text) {
        if (text == null || text.isEmpty()) {
            return Level.INFO;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(lower)) {
            throw new BadRequestResponse("level must be one of " + LEVELS + ", was \"" + text + "\"");
        }
        return Level.toLevel(lower);
    }

    /** Writes {@code logs}' lines at {@code level} or above to {@code sink} until it or the tap closes. */
    private void serve(SseSink sink, LogTap logs, Level level) {
        try (LogTap.Subscription subscription = logs.subscribe(level)) {
            Map<String, Object> started = new LinkedHashMap<>();
            started.put("level", lower(level));
            started.put("agentLevel", lower(logs.rootLevel()));
            write(() -> {
                sink.comment("connected");
                sink.send(new SseEvent(0, "started", json(started)));
            });
            while (!sink.closed()) {
                LogTap.LogLine line = subscription.queue().poll(EventStream.HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                // lines queued before the close are still sent: the agent's last words ("leaving the cluster")
                if (line == LogTap.CLOSED || (line == null && isClosed())) {
                    return;
                }
                long dropped = subscription.takeDropped();
                write(() -> {
                    if (dropped > 0) {
                        sink.send(new SseEvent(0, "dropped", json(Map.of("dropped", dropped))));
                    }
                    if (line == null) {
                        sink.comment("keep-alive");
                    } else {
                        sink.send(new SseEvent(0, "log", json(line)));
                    }
                });
                if (isClosed() && subscription.queue().isEmpty()) {
                    return; // closed while its queue was full, so the tap could not queue CLOSED
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.close();
        }
    }

    /** Runs {@code write} marked as a monitor write, so the tap ignores what writing logs. */
    private static void write(Runnable write) {
        LogTap.WRITING.set(true);
        try {
            write.run();
        } finally {
            LogTap.WRITING.set(false);
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private static String lower(Level level) {
        return level.toString().toLowerCase(Locale.ROOT);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line did not serialize: a bug in MonitorRoutes", e);
        }
    }

    /**
     * Detaches the tap, ends every monitor and refuses new ones, waiting up to
     * {@value EventStream#CLOSE_WAIT_MILLIS} ms for the writers to finish. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tap.ifPresent(LogTap::close);
        synchronized (lock) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EventStream.CLOSE_WAIT_MILLIS);
            long left = deadline - System.nanoTime();
            while (connected > 0 && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = deadline - System.nanoTime();
            }
        }
    }
}
