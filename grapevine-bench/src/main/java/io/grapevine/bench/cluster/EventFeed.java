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
 * emitted before the stream opened is missed. The feed ends when the agent goes away or on
 * {@link #close()}, after which it adds nothing more.
 */
final class EventFeed implements AutoCloseable {
    private final int node;
    private final Observations observations;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Thread reader;
    private volatile InputStream body;
    /** Guarded by {@code this}: once set, nothing more reaches the observations. */
    private boolean closed;

    private EventFeed(HttpClient client, String base, int node, Observations observations) {
        this.node = node;
        this.observations = observations;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/events?lastEventId=0"))
                .header("Accept", "text/event-stream").GET().build();
        this.reader = new Thread(() -> read(client, request), "bench-events-n" + node);
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

    private void read(HttpClient client, HttpRequest request) {
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
        observations.addRaw(node, System.currentTimeMillis(), type + " " + data);
        AgentEvents.parse(node, type, data).ifPresent(observations::add);
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
