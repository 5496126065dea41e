package io.grapevine.agent.netns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.agent.demo.ServerSentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one agent's {@code GET /v1/events} (Server-Sent Events, docs/http-api.md) on a daemon
 * thread and keeps its {@code member-changed} events in the order the agent numbered them: the
 * agent's own account of every change of its view, nothing sampled. Live events only: it is
 * opened, and {@link #open} returns once the agent says the client is subscribed ({@code :
 * connected}), before the fault it records. A stream that ends before {@link #close}, or a
 * {@code gap} or {@code overflow} marker, is remembered ({@link #intact}): its record is then
 * incomplete.
 */
final class MemberEventFeed implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One change of one member's entry in the observer's view.
     *
     * @param observer whose view, {@code nK}
     * @param member whose entry
     * @param status the entry's status after the change: {@code alive}, {@code suspect},
     *               {@code dead} or {@code left}
     * @param change why ({@code suspected}, {@code refuted}, {@code failed}, {@code updated}, ...)
     * @param incarnation the entry's incarnation after the change
     * @param onWordOf who reported it
     * @param atMillis the wall clock at which the observer's node emitted it
     */
    record MemberEvent(String observer, String member, String status, String change, long incarnation,
                       String onWordOf, long atMillis) {
    }

    private final String observer;
    private final InputStream body;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<MemberEvent> events = new ArrayList<>();
    private volatile boolean closing;
    private volatile boolean broken;
    private volatile String brokenWhy = "";

    private MemberEventFeed(String observer, InputStream body) {
        this.observer = observer;
        this.body = body;
    }

    /**
     * Opens node {@code node}'s event stream and waits until it is subscribed.
     *
     * @param node the agent, {@code 1..N}
     * @param httpPort its HTTP API port
     * @param timeout the most to wait for the stream to open
     * @return the feed, connected
     */
    static MemberEventFeed open(int node, int httpPort, Duration timeout) {
        String observer = NetnsCluster.name(node);
        URI uri = URI.create("http://" + NetnsScript.address(node) + ":" + httpPort + "/v1/events");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException(observer + " refused its event stream: " + response.statusCode());
            }
            MemberEventFeed feed = new MemberEventFeed(observer, response.body());
            Thread reader = new Thread(feed::read, "netns-events-" + observer);
            reader.setDaemon(true);
            reader.start();
            feed.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return feed;
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException("could not follow " + observer + "'s events (GET /v1/events): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + observer + "'s event stream", e);
        }
    }

    /** The observer, {@code nK}. */
    String observer() {
        return observer;
    }

    /** Every member-changed event so far, in the agent's order. */
    synchronized List<MemberEvent> events() {
        return List.copyOf(events);
    }

    /** Whether the record is complete so far: the stream still open, no gap or overflow marker. */
    boolean intact() {
        return !broken;
    }

    /** Why the record is incomplete, or empty. */
    String brokenWhy() {
        return brokenWhy;
    }

    @Override
    public void close() {
        closing = true;
        try {
            body.close();
        } catch (IOException e) {
            // closing a stream we only read: nothing to recover
        }
    }

    private void read() {
        ServerSentEvents.read(body, () -> connected.complete(null), this::dispatch);
        if (!closing) {
            markBroken("the stream ended before the test closed it");
        }
        connected.completeExceptionally(new IOException(observer + "'s event stream ended"));
    }

    private void dispatch(String type, String data) {
        if (type.equals("gap") || type.equals("overflow")) {
            markBroken("the agent sent a " + type + " marker: " + data);
            return;
        }
        if (!type.equals("member-changed") || data.isEmpty()) {
            return;
        }
        try {
            JsonNode fields = JSON.readTree(data);
            JsonNode member = fields.path("member");
            MemberEvent event = new MemberEvent(observer, member.path("name").asText(), member.path("status").asText(),
                    fields.path("change").asText(), member.path("incarnation").asLong(),
                    fields.path("onWordOf").asText(), fields.path("atMillis").asLong());
            synchronized (this) {
                events.add(event);
            }
        } catch (IOException e) {
            markBroken("unreadable member-changed data: " + data);
        }
    }

    private void markBroken(String why) {
        if (!broken) {
            brokenWhy = why;
            broken = true;
        }
    }
}
