package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bench's event reader follows docs/http-api.md: after an {@code overflow} it comes back with
 * the last id it read, and a {@code gap} it is then told of is kept as a GAP observation. Served
 * by a scripted SSE endpoint on loopback, so what the agent sends is fixed.
 */
class EventFeedTest {
    private static final String EVENT = "event: member-changed\ndata: {\"member\":{\"name\":\"n%d\","
            + "\"status\":\"alive\"},\"change\":\"joined\",\"atMillis\":%d}\nid: %d\n\n";

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aFeedToldItOverflowedResumesAfterTheLastIdItReadAndKeepsTheGap() throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/events", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            StringBuilder body = new StringBuilder(": connected\n\n");
            if (query.equals("lastEventId=0")) {
                body.append(String.format(EVENT, 1, 1_000, 1)).append(String.format(EVENT, 2, 2_000, 2));
                body.append("event: overflow\ndata: {\"lastEventId\":2,\"reason\":\"slow\"}\n\n");
            } else {
                body.append("event: gap\ndata: {\"lastEventId\":2,\"missedFrom\":3,\"missedTo\":5}\n\n");
                body.append(String.format(EVENT, 6, 6_000, 6));
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Observations observations = new Observations();
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        try (EventFeed feed = EventFeed.open(client, base, 3, observations)) {
            feed.awaitConnected(System.currentTimeMillis() + 10_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> observations.snapshot().size() == 4);
        }

        assertThat(queries).containsExactly("lastEventId=0", "lastEventId=2");
        List<Observation> seen = observations.snapshot();
        assertThat(seen).extracting(Observation::kind).containsExactly(Observation.Kind.STATUS,
                Observation.Kind.STATUS, Observation.Kind.GAP, Observation.Kind.STATUS);
        assertThat(seen).extracting(Observation::subject).containsExactly("n1", "n2", "", "n6");
        assertThat(seen.get(2).detail()).contains("\"missedFrom\":3");
        assertThat(seen).allMatch(o -> o.node() == 3);
    }
}
