package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.net.Cluster;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /v1/events}: live cluster events over SSE, resuming with Last-Event-ID, and the bounds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiTest {
    private final TestNodes nodes = new TestNodes();
    private List<Cluster> cluster;
    private HttpApi api;
    private Http http;

    @BeforeAll
    void startCluster() {
        cluster = nodes.joined("ev", 2);
        api = nodes.api(cluster.get(0));
        http = Http.of(api);
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
    }

    private static Predicate<SseReader.Event> keyChanged(String key) {
        return e -> e.type().equals("key-changed") && e.json().get("key").asText().equals(key);
    }

    @Test
    void aClientHearsAMemberChangedEventWhenANodeJoins() {
        try (SseReader events = SseReader.connected(http.base(), "")) {
            assertThat(events.status()).isEqualTo(200);

            nodes.start("ev-joiner").join(List.of(TestNodes.seedOf(cluster.get(0))));

            SseReader.Event joined = events.awaitEvent(e -> e.type().equals("member-changed")
                    && e.json().get("member").get("name").asText().equals("ev-joiner"));
            assertThat(joined.id()).isPresent();
            assertThat(joined.json().get("change").asText()).isEqualTo("joined");
            assertThat(joined.json().get("member").get("status").asText()).isEqualTo("alive");
            assertThat(joined.json().has("onWordOf")).isTrue();
            assertThat(joined.json().get("atMillis").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void aClientHearsAKeyChangedEventAfterAPutButNotTheRuntimesOwnKeys() {
        try (SseReader events = SseReader.connected(http.base(), "")) {
            http.put("/v1/kv/streamed", "{\"value\": \"hello\"}");

            SseReader.Event changed = events.awaitEvent(keyChanged("streamed"));
            assertThat(changed.json().get("node").asText()).isEqualTo("ev-0");
            assertThat(changed.json().get("value").asText()).isEqualTo("hello");
            assertThat(changed.json().get("deleted").asBoolean()).isFalse();
            assertThat(events.events()).noneMatch(e -> e.type().equals("key-changed")
                    && e.json().get("key").asText().startsWith("grapevine."));
        }
    }

    @Test
    void aClientHearsUserEventsStampedWithTheWallClockOfTheirArrival() {
        try (SseReader events = SseReader.connected(http.base(), "")) {
            long before = System.currentTimeMillis();
            http.post("/v1/event/ping", "payload");

            SseReader.Event event = events.awaitEvent(e -> e.type().equals("user-event"));
            long after = System.currentTimeMillis();
            assertThat(event.json().get("name").asText()).isEqualTo("ping");
            assertThat(event.json().get("payload").asText()).isEqualTo("payload");
            // taken on the node's event thread once the POST fired it, before the client read it
            assertThat(event.json().get("atMillis").asLong()).isBetween(before, after);
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsTheEventsItMissedAndNoneTwice() {
        long lastSeen;
        try (SseReader first = SseReader.connected(http.base(), "")) {
            http.put("/v1/kv/resume-1", "{\"value\": \"1\"}");
            lastSeen = first.awaitEvent(keyChanged("resume-1")).id().orElseThrow();
        }
        http.put("/v1/kv/resume-2", "{\"value\": \"2\"}");
        http.put("/v1/kv/resume-3", "{\"value\": \"3\"}");

        try (SseReader resumed = SseReader.connected(http.base(), "", "Last-Event-ID", Long.toString(lastSeen))) {
            long second = resumed.awaitEvent(keyChanged("resume-2")).id().orElseThrow();
            long third = resumed.awaitEvent(keyChanged("resume-3")).id().orElseThrow();
            assertThat(second).isGreaterThan(lastSeen);
            assertThat(third).isGreaterThan(second);
            assertThat(resumed.events()).noneMatch(keyChanged("resume-1"));
            assertThat(resumed.events()).noneMatch(e -> e.type().equals("gap"));
        }
    }

    @Test
    void aClientThatFellOffTheBacklogIsToldWhichEventsItMissed() {
        Http small = Http.of(nodes.api(cluster.get(1), HttpSettings.defaults().withPort(0).withSseBacklog(4)));
        for (int i = 0; i < 8; i++) {
            small.put("/v1/kv/flood-" + i, "{\"value\": \"x\"}");
        }
        try (SseReader everything = SseReader.connected(small.base(), "?lastEventId=0")) {
            everything.awaitEvent(keyChanged("flood-7")); // the last write is in the backlog now
        }

        try (SseReader late = SseReader.connected(small.base(), "?lastEventId=1")) {
            SseReader.Event gap = late.awaitEvent(e -> e.type().equals("gap"));
            assertThat(gap.id()).isEmpty();
            assertThat(gap.json().get("lastEventId").asLong()).isEqualTo(1);
            assertThat(gap.json().get("missedFrom").asLong()).isEqualTo(2);
            long resumingAt = gap.json().get("resumingAt").asLong();
            assertThat(gap.json().get("missedTo").asLong()).isEqualTo(resumingAt - 1);
            long last = late.awaitEvent(keyChanged("flood-7")).id().orElseThrow();
            assertThat(late.events().stream().filter(e -> e.id().isPresent()).map(e -> e.id().get())
                    .filter(id -> id <= last)).containsExactly(resumingAt, resumingAt + 1, resumingAt + 2, last);
            assertThat(last).isEqualTo(resumingAt + 3);
        }
    }

    @Test
    void anIdFromAnotherStreamGetsAGapMarkerAndTheWholeBacklog() {
        http.put("/v1/kv/before-unknown", "{\"value\": \"x\"}");
        try (SseReader events = SseReader.connected(http.base(), "", "Last-Event-ID", "999999999")) {
            SseReader.Event gap = events.awaitEvent(e -> e.type().equals("gap"));
            assertThat(gap.json().get("reason").asText()).startsWith("unknown event id");
            events.awaitEvent(keyChanged("before-unknown"));
        }
    }

    @Test
    void aBadLastEventIdIs400() {
        Http.Response response = http.with("Last-Event-ID", "yesterday").get("/v1/events");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Last-Event-ID must be a whole number >= 0, was \"yesterday\"");
    }

    @Test
    void clientsPastMaxSseClientsAre503AndClientsAreCounted() {
        HttpApi one = nodes.api(cluster.get(1), HttpSettings.defaults().withPort(0).withMaxSseClients(1));
        Http oneHttp = Http.of(one);
        try (SseReader only = SseReader.connected(oneHttp.base(), "")) {
            assertThat(Scrape.of(oneHttp).require("grapevine_sse_clients")).isEqualTo(1);

            Http.Response refused = oneHttp.get("/v1/events");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.error()).startsWith("too many event stream clients (maxSseClients 1)");
        }
        // the server notices a vanished client when a write fails: give it events to write
        await().atMost(TestNodes.DEADLINE).until(() -> {
            oneHttp.post("/v1/event/nudge", "");
            return Scrape.of(oneHttp).require("grapevine_sse_clients") == 0;
        });
    }

    @Test
    void closingTheApiEndsItsStreams() {
        HttpApi closing = nodes.api(cluster.get(1));
        SseReader events = SseReader.connected(Http.of(closing).base(), "");

        closing.close();

        events.awaitEnd();
        events.close();
    }
}
