package io.grapevine.agent.http;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A test client of {@code /v1/events}: reads the stream on its own thread into a list of parsed
 * events (comments included, as type {@code ":"} with the comment as data) until closed.
 */
final class SseReader implements AutoCloseable {
    /**
     * One parsed event.
     *
     * @param id the id line, or empty
     * @param type the event line ({@code ":"} for a comment)
     * @param data the data line(s)
     */
    record Event(Optional<Long> id, String type, String data) {
        private static final ObjectMapper JSON = new ObjectMapper();

        /** The data parsed as JSON (every cluster event and marker carries one JSON object). */
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + data, e);
            }
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;

    private SseReader(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code base}/v1/events with {@code headers} ({@code name, value, ...}). */
    static SseReader open(String base, String query, String... headers) {
        return openPath(base, "/v1/events" + query, headers);
    }

    /** Connects to {@code base}{@code pathAndQuery}, another SSE endpoint (the log monitor). */
    static SseReader openPath(String base, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            return new SseReader(response);
        } catch (Exception e) {
            throw new AssertionError("could not open the event stream", e);
        }
    }

    /** Opens the stream and waits until the server says the client is subscribed. */
    static SseReader connected(String base, String query, String... headers) {
        SseReader reader = open(base, query, headers);
        reader.awaitEvent(e -> e.type().equals(":") && e.data().equals("connected"));
        return reader;
    }

    /** Opens {@code pathAndQuery} and waits until the server says the client is subscribed. */
    static SseReader connectedPath(String base, String pathAndQuery, String... headers) {
        SseReader reader = openPath(base, pathAndQuery, headers);
        reader.awaitEvent(e -> e.type().equals(":") && e.data().equals("connected"));
        return reader;
    }

    int status() {
        return status;
    }

    /** Every event read so far. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits (with the test deadline) for an event matching {@code match} and returns the first one. */
    Event awaitEvent(Predicate<Event> match) {
        await().atMost(TestNodes.DEADLINE).until(() -> events.stream().anyMatch(match));
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits until the server ended the stream. */
    void awaitEnd() {
        await().atMost(TestNodes.DEADLINE).until(() -> !reader.isAlive());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Long id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(Optional.ofNullable(id), type, data.toString()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(Optional.empty(), ":", line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // closed by the test or the server: the stream is over
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
