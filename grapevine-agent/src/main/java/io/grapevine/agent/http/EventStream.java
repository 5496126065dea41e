package io.grapevine.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.state.KeyChange;
import io.grapevine.net.Cluster;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /v1/events}: every cluster event as a Server-Sent Event with an increasing
 * {@code id}, kept in a bounded {@link EventBacklog} so a client reconnecting with
 * {@code Last-Event-ID} (or {@code ?lastEventId=N}) gets what it missed, or a {@code gap}
 * marker saying which ids it can no longer get. Keys under {@code grapevine.} (the runtime's
 * own) are not streamed.
 *
 * <p>Threads: {@link #onEvent} runs on the cluster's event thread and never blocks: it numbers
 * the event, keeps it and offers it to each client's bounded queue. Each client is written by
 * its own thread (Javalin's async pool), so a slow reader delays only itself; one whose queue
 * fills is sent an {@code overflow} marker and disconnected (it resumes from the backlog), so
 * memory stays bounded by {@code sseBacklog} plus twice {@code sseClientQueue} events per client
 * (its queue, and the batch its writer took from it: whatever is queued when the writer is
 * free is written as one chunk, at most {@link #MAX_BATCH} events).
 */
final class EventStream implements AutoCloseable {
    /** Comment sent on an idle stream this often; well under Jetty's 30 s idle timeout. */
    static final long HEARTBEAT_MILLIS = 15_000;
    /** How long {@link #close()} waits for the writers. */
    static final long CLOSE_WAIT_MILLIS = 2_000;
    /** At most this many queued events are written to a client as one chunk. */
    static final int MAX_BATCH = 256;
    private static final SseEvent POISON = new SseEvent(0, "closed", "{}");

    private final ObjectMapper mapper;
    private final int clientQueue;
    private final int maxClients;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final EventBacklog backlog;
    /** Guarded by {@link #lock}. */
    private final List<Subscriber> subscribers = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong droppedClients = new AtomicLong();

    EventStream(ObjectMapper mapper, HttpSettings settings) {
        this.mapper = mapper;
        this.backlog = new EventBacklog(settings.sseBacklog());
        this.clientQueue = settings.sseClientQueue();
        this.maxClients = settings.maxSseClients();
    }

    /** One connected client: its queue and whether it was cut off for being slow. */
    private static final class Subscriber {
        final BlockingQueue<SseEvent> queue;
        volatile boolean dropped;
        volatile boolean stopping;

        Subscriber(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }
    }

    /** Registers the route. */
    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/events", this::open);
    }

    /** Clients connected now. */
    int clients() {
        return connected.get();
    }

    /** Clients disconnected so far because their queue filled. */
    long droppedClients() {
        return droppedClients.get();
    }

    /**
     * Cluster listener: numbers, keeps and fans out {@code event}, its data stamped with
     * {@code atMillis}, the wall clock ({@link System#currentTimeMillis()}) at which the
     * node's protocol loop emitted it ({@link Cluster#addTimedListener}): when the node learned
     * it, not when this listener got to it. Other processes on the machine share that clock, so
     * a benchmark can time an event's spread from the stamps of several agents. Non-blocking.
     */
    void onEvent(ClusterEvent event, long atMillis) {
        if (event instanceof ClusterEvent.KeyChanged changed
                && changed.change().key().startsWith(Cluster.RESERVED_KEY_PREFIX)) {
            return; // the runtime's own bookkeeping (view digest, keyring status), not news
        }
        String data = render(event, atMillis, System.nanoTime());
        String type = JsonViews.eventType(event);
        synchronized (lock) {
            if (closed) {
                return;
            }
            SseEvent numbered = new SseEvent(backlog.nextId(), type, data);
            backlog.append(numbered);
            for (int i = subscribers.size() - 1; i >= 0; i--) {
                Subscriber subscriber = subscribers.get(i);
                if (!subscriber.queue.offer(numbered)) {
                    subscriber.dropped = true;
                    subscribers.remove(i);
                    droppedClients.incrementAndGet();
                }
            }
        }
    }

    /**
     * The SSE data of {@code event}: its JSON view ({@link JsonViews#eventData}) with
     * {@code atMillis} as its last field, written in one pass (the view is always a JSON
     * object).
     */
    String render(ClusterEvent event, long atMillis, long nowNanos) {
        return withStamp(json(JsonViews.eventData(event, nowNanos)), atMillis);
    }

    /** {@code object}, a serialized JSON object, with {@code "atMillis": atMillis} appended as its last field. */
    static String withStamp(String object, long atMillis) {
        int end = object.lastIndexOf('}');
        if (object.isEmpty() || object.charAt(0) != '{' || end < 0) {
            throw new IllegalStateException("an event view is not a JSON object: a bug in JsonViews: " + object);
        }
        String body = object.substring(0, end).stripTrailing();
        String separator = body.equals("{") ? "" : ",";
        return body + separator + "\"atMillis\":" + atMillis + "}";
    }

    /**
     * Renders one made-up event of each kind a forming cluster streams (a member joining, a
     * user event, a key write) and drops them, so that the first real ones do not pay for
     * Jackson building their serializers (introspecting the view records: a few milliseconds
     * each in a fresh JVM, on the event thread, while a cluster forms). Nothing is kept or
     * sent; the backlog's ids are untouched.
     *
     * @return how many events were rendered
     */
    int rehearse() {
        long now = System.nanoTime();
        NodeId someone = new NodeId("rehearsal", new Address("127.0.0.1", 1), 1);
        List<ClusterEvent> events = List.of(
                new ClusterEvent.MemberChanged(new Member(someone, 0, MemberStatus.ALIVE, now), Change.JOINED,
                        someone.name()),
                new ClusterEvent.UserEventReceived(new DeliveredEvent(someone.name(), 1, "rehearsal",
                        Bytes.copyOf(new byte[] {1}))),
                new ClusterEvent.KeyChanged(new KeyChange(someone, "rehearsal", 0, 1, Bytes.copyOf(new byte[] {1}),
                        false)));
        int rendered = 0;
        for (ClusterEvent event : events) {
            if (!render(event, 0, now).isEmpty()) {
                rendered++;
            }
        }
        return rendered;
    }

    private void open(Context ctx) {
        long lastEventId = lastEventId(ctx);
        if (connected.incrementAndGet() > maxClients) {
            connected.decrementAndGet();
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "too many event stream clients (maxSseClients " + maxClients + "); try again later");
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
            connected.decrementAndGet();
            throw new UncheckedIOException("the event stream client went away before it started", e);
        }
        ctx.async(config -> config.timeout = 0L, () -> {
            try {
                serve(new ClientSink(new SseClient(ctx)), lastEventId);
            } finally {
                connected.decrementAndGet();
            }
        });
    }

    /** The client's last event id: the header, else the query parameter, else -1 (live events only). */
    private static long lastEventId(Context ctx) {
        String text = ctx.header("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = ctx.queryParam("lastEventId");
        }
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(text.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Last-Event-ID must be a whole number >= 0, was \"" + text + "\"");
        }
    }

    /**
     * Writes events to {@code sink} until it closes, it is dropped for being slow, or the
     * stream closes. Blocks: runs on the client's own thread. {@code lastEventId} -1 means live
     * events only; otherwise held events after it are sent first.
     */
    void serve(SseSink sink, long lastEventId) {
        Subscriber subscriber = new Subscriber(clientQueue);
        EventBacklog.Replay replay;
        synchronized (lock) {
            if (closed) {
                sink.close();
                return;
            }
            replay = lastEventId < 0 ? null : backlog.after(lastEventId);
            subscribers.add(subscriber);
        }
        try {
            sink.comment("connected");
            if (replay != null) {
                if (replay.gap()) {
                    sink.send(gapMarker(lastEventId, replay));
                }
                sink.sendAll(replay.events());
            }
            pump(sink, subscriber, replay == null || replay.events().isEmpty() ? lastEventId
                    : replay.events().get(replay.events().size() - 1).id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                subscribers.remove(subscriber);
                lock.notifyAll(); // close() may be waiting for the writers to finish
            }
            sink.close();
        }
    }

    private void pump(SseSink sink, Subscriber subscriber, long lastSent) throws InterruptedException {
        long sent = lastSent;
        while (!sink.closed() && !subscriber.stopping) {
            if (subscriber.dropped) {
                sink.send(new SseEvent(0, "overflow", json(Map.of("lastEventId", sent,
                        "reason", "this client read too slowly; reconnect with Last-Event-ID to resume"))));
                return;
            }
            SseEvent first = subscriber.queue.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                sink.comment("keep-alive");
                continue;
            }
            List<SseEvent> queued = new ArrayList<>();
            queued.add(first);
            subscriber.queue.drainTo(queued, MAX_BATCH - 1);
            List<SseEvent> batch = new ArrayList<>(queued.size());
            for (SseEvent event : queued) {
                if (event != POISON && event.id() > sent) {
                    // a replayed event may also have been queued while the replay was written
                    batch.add(event);
                    sent = event.id();
                }
            }
            if (!batch.isEmpty()) {
                sink.sendAll(batch);
            }
        }
    }

    private SseEvent gapMarker(long lastEventId, EventBacklog.Replay replay) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastEventId", lastEventId);
        if (replay.unknownId()) {
            data.put("reason", "unknown event id: this agent restarted, or the id is from another agent");
        } else {
            data.put("missedFrom", replay.missedFrom());
            data.put("missedTo", replay.missedTo());
            data.put("reason", "these events fell off the backlog before the client came back");
        }
        data.put("resumingAt", replay.events().isEmpty() ? 0 : replay.events().get(0).id());
        return new SseEvent(0, "gap", json(data));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event view did not serialize: a bug in JsonViews", e);
        }
    }

    /**
     * Stops every client's writer and refuses new ones, waiting up to
     * {@value #CLOSE_WAIT_MILLIS} ms for the writers to finish so that their responses end
     * before the server stops (a writer stuck on a client that reads nothing is left to Jetty's
     * idle timeout).
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Subscriber subscriber : subscribers) {
                subscriber.stopping = true;
                subscriber.queue.offer(POISON); // wakes the writer; if its queue is full it is busy anyway
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
            long left = deadline - System.nanoTime();
            while (!subscribers.isEmpty() && left > 0) {
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

    /**
     * Javalin's SSE client as a sink (the log monitor writes through it too). Events are framed
     * here ({@code id}, {@code event} and one {@code data} line each, as Javalin frames them) and
     * written to the response as one chunk per {@link #sendAll} with one flush; Javalin's
     * emitter, which flushes after every event and reads each event's data through fresh
     * buffered readers, keeps the comments and the connection's life cycle. A failed write
     * closes the client. Used by one writer thread at a time.
     */
    static final class ClientSink implements SseSink {
        private final SseClient client;

        ClientSink(SseClient client) {
            this.client = client;
        }

        @Override
        public void send(SseEvent event) {
            sendAll(List.of(event));
        }

        @Override
        public void sendAll(List<SseEvent> events) {
            if (events.isEmpty() || client.terminated()) {
                return;
            }
            try {
                ServletOutputStream out = client.ctx().res().getOutputStream();
                out.write(frames(events).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | IllegalStateException gone) {
                // the client went away, or Jetty recycled the response (the server stopped)
                client.close();
            }
        }

        /** {@code events} as SSE frames: an {@code id} line (not for markers), the type, the one-line data. */
        static String frames(List<SseEvent> events) {
            StringBuilder text = new StringBuilder(events.size() * 256);
            for (SseEvent event : events) {
                if (!event.marker()) {
                    text.append("id: ").append(event.id()).append('\n');
                }
                text.append("event: ").append(event.type()).append('\n')
                        .append("data: ").append(event.data()).append("\n\n");
            }
            return text.toString();
        }

        @Override
        public void comment(String text) {
            try {
                client.sendComment(text);
            } catch (IllegalStateException recycled) {
                client.close();
            }
        }

        @Override
        public boolean closed() {
            return client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
