package io.grapevine.bench.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one agent sees, read from its {@code GET /v1/events?lastEventId=0} on a daemon thread:
 * each cluster event becomes an {@link Observation} stamped by the agent ({@link AgentEvents}),
 * and a trace line stamped with its arrival here. {@code lastEventId=0} makes the agent replay
 * its backlog first (1,024 events, far more than a run's start-up produces), so nothing the node
 * emitted before the stream opened is missed. When the agent says {@code overflow} (this reader
 * fell behind, as it can when a restarted node learns thousands of keys at once) and hangs up, the
 * feed reconnects with {@code lastEventId} set to the last {@code id:} it read, as
 * docs/http-api.md tells a client to, at most {@link #MAX_RESUMES} times; events that fell off the
 * agent's backlog meanwhile arrive as a {@code gap} marker, which becomes a
 * {@link Observation.Kind#GAP} observation so that a run can say what it did not see. The feed
 * ends when the agent goes away or on {@link #close()}, after which it adds nothing more.
 */
final class EventFeed implements AutoCloseable {
    /** Reconnections after an overflow, per feed: one per restart of a node is the usual need. */
    static final int MAX_RESUMES = 1_000;

    private final int node;
    private final HttpClient client;
    private final String base;
    private final Observations observations;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Thread reader;
    private volatile InputStream body;
    /** Guarded by {@code this}: once set, nothing more reaches the observations. */
    private boolean closed;
    /** Reader thread only: the last {@code id:} read, where a resumed stream starts. */
    private String lastEventId = "0";
    /** Reader thread only: whether the agent said {@code overflow} on the current stream. */
    private boolean overflowed;

    private EventFeed(HttpClient client, String base, int node, Observations observations) {
        this.node = node;
        this.client = client;
        this.base = base;
        this.observations = observations;
        this.reader = new Thread(this::readAll, "bench-events-n" + node);
        reader.setDaemon(true);
    }

    /** Opens node {@code node}'s stream at {@code base} ({@code http://HOST:PORT}) into {@code observations}. */
    static EventFeed open(HttpClient client, String base, int node, Observations observations) {
        EventFeed feed = new EventFeed(client, base, node, observations);
        feed.reader.start();
        return feed;
    }

    /**
     * Waits until the agent says this client is subscribed ({@code : connected}).
     *
     * @throws IllegalStateException if the stream failed or did not open by {@code deadlineMillis}
     */
    void awaitConnected(long deadlineMillis) throws InterruptedException {
        try {
            connected.get(Math.max(1, deadlineMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the event stream of node " + node + " did not open in time", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the event stream of node " + node + " failed: " + e.getCause(), e);
        }
    }

    private void readAll() {
        for (int resumes = 0; resumes <= MAX_RESUMES; resumes++) {
            overflowed = false;
            read(HttpRequest.newBuilder(URI.create(base + "/v1/events?lastEventId=" + lastEventId))
                    .header("Accept", "text/event-stream").GET().build());
            synchronized (this) {
                if (closed || !overflowed) {
                    return;
                }
            }
        }
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + ": " + response.statusCode());
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                readEvents(lines);
            }
        } catch (IOException e) {
            connected.completeExceptionally(e); // no effect once connected: the agent went away
        } catch (InterruptedException e) {
            connected.completeExceptionally(e);
        }
        connected.completeExceptionally(new IOException("the stream ended before it said connected"));
    }

    /** SSE framing: {@code event:} and {@code data:} lines up to a blank line; comments start with ':'. */
    private void readEvents(BufferedReader lines) throws IOException {
        String type = "message";
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    deliver(type, data.toString());
                }
                type = "message";
                data.setLength(0);
            } else if (line.startsWith(":")) {
                if (line.substring(1).trim().equals("connected")) {
                    connected.complete(null);
                }
            } else if (line.startsWith("event:")) {
                type = value(line, "event:");
            } else if (line.startsWith("id:")) {
                lastEventId = value(line, "id:").trim();
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(value(line, "data:"));
            }
        }
    }

    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private synchronized void deliver(String type, String data) {
        if (closed) {
            return;
        }
        long now = System.currentTimeMillis();
        observations.addRaw(node, now, type + " " + data);
        switch (type) {
            case "overflow" -> overflowed = true;
            case "gap" -> observations.add(new Observation(node, now, Observation.Kind.GAP, "", data));
            default -> AgentEvents.parse(node, type, data).ifPresent(observations::add);
        }
    }

    /** Stops delivering at once and closes the stream. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        InputStream stream = body;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // already gone with its agent
            }
        }
    }
}
