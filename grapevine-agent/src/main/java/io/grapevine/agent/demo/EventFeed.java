package io.grapevine.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Follows one agent's {@code GET /v1/events} (Server-Sent Events) on a daemon thread, appending
 * each event to the shared {@link EventLog} stamped with the demo's clock. Live events only (no
 * {@code Last-Event-ID}): the demo opens a feed before the events it times. The stream ends when
 * the agent stops or the feed is closed.
 */
final class EventFeed implements AutoCloseable {
    private final String observer;
    private final InputStream body;
    private final EventLog log;
    private final ObjectMapper json;
    private final LongSupplier clock;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    private EventFeed(String observer, InputStream body, EventLog log, ObjectMapper json, LongSupplier clock) {
        this.observer = observer;
        this.body = body;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Opens {@code api}'s event stream and waits until the agent says the client is subscribed
     * (its {@code : connected} comment): from then on the feed misses nothing.
     *
     * @param api the agent
     * @param http the shared client
     * @param log where events go
     * @param json parses each event's data
     * @param clock monotonic nanos
     * @param timeout the most to wait for the stream to open
     * @return the feed, connected
     * @throws DemoFailure if the stream does not open in time
     */
    static EventFeed open(AgentApi api, HttpClient http, EventLog log, ObjectMapper json, LongSupplier clock,
                          Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("/v1/events"))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                response.body().close();
                throw new DemoFailure(api.node() + " refused its event stream: " + response.statusCode());
            }
            EventFeed feed = new EventFeed(api.node(), response.body(), log, json, clock);
            Thread reader = new Thread(feed::read, "demo-events-" + api.node());
            reader.setDaemon(true);
            reader.start();
            feed.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return feed;
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new DemoFailure("could not follow " + api.node() + "'s events (GET /v1/events): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while opening " + api.node() + "'s event stream", e);
        }
    }

    /** Closes the stream; the reader thread ends. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing a stream we only read: nothing to recover
        }
    }

    private void read() {
        ServerSentEvents.read(body, () -> connected.complete(null), this::dispatch);
        connected.completeExceptionally(new IOException(observer + "'s event stream ended"));
    }

    private void dispatch(String type, String data) {
        if (data.isEmpty()) {
            return;
        }
        long at = clock.getAsLong();
        try {
            JsonNode parsed = json.readTree(data);
            log.add(new HeardEvent(observer, type, parsed, at));
        } catch (IOException e) {
            // not JSON: no event the demo follows carries such data
        }
    }
}
