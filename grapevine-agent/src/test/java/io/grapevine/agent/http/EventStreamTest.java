package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.state.KeyChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link EventStream} with fake clients: a slow one is cut off without slowing the others. */
class EventStreamTest {
    private static final NodeId OWNER = new NodeId("owner", new Address("127.0.0.1", 7946), 1);
    private final EventStream stream = new EventStream(JsonBodies.newMapper(),
            HttpSettings.defaults().withSseClientQueue(2));
    private final List<Thread> writers = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStream() {
        stream.close();
        await().atMost(TestNodes.DEADLINE).until(() -> writers.stream().noneMatch(Thread::isAlive));
    }

    private static ClusterEvent key(int version) {
        return new ClusterEvent.KeyChanged(new KeyChange(OWNER, "k" + version, version - 1, version,
                Bytes.copyOf("v".getBytes(StandardCharsets.UTF_8)), false));
    }

    /** Records what it is sent; a gated sink blocks in send until released, as a stuck socket does. */
    private static class Sink implements SseSink {
        final List<SseEvent> sent = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;
        volatile boolean blocked;
        volatile boolean closed;

        Sink(boolean gated) {
            gate = new CountDownLatch(gated ? 1 : 0);
        }

        @Override
        public void send(SseEvent event) {
            sent.add(event);
            if (!event.marker()) {
                blocked = true;
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                blocked = false;
            }
        }

        @Override
        public void sendAll(List<SseEvent> events) {
            batches.add(events.stream().map(SseEvent::id).toList());
            SseSink.super.sendAll(events);
        }

        @Override
        public void comment(String text) {
            comments.add(text);
        }

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<Long> ids() {
            return sent.stream().filter(e -> !e.marker()).map(SseEvent::id).toList();
        }
    }

    private Sink serve(boolean gated, long lastEventId) {
        Sink sink = new Sink(gated);
        Thread writer = new Thread(() -> stream.serve(sink, lastEventId), "writer");
        writer.setDaemon(true);
        writers.add(writer);
        writer.start();
        await().atMost(TestNodes.DEADLINE).until(() -> sink.comments.contains("connected"));
        return sink;
    }

    @Test
    void aClientWhoseQueueFillsIsToldAndDisconnectedWhileOthersGetEverything() {
        Sink slow = serve(true, -1);
        Sink fast = serve(false, -1);

        // the fast client drains each event before the next is published, so only the slow one
        // (blocked on its first event) can fill its queue, however loaded the machine is
        stream.onEvent(key(1), 0L);
        await().atMost(TestNodes.DEADLINE).until(() -> slow.blocked && fast.ids().size() == 1);
        stream.onEvent(key(2), 0L);
        await().atMost(TestNodes.DEADLINE).until(() -> fast.ids().size() == 2);
        stream.onEvent(key(3), 0L);
        await().atMost(TestNodes.DEADLINE).until(() -> fast.ids().size() == 3);
        assertThat(stream.droppedClients()).isZero(); // two queued: the queue is full, not over
        stream.onEvent(key(4), 0L);
        assertThat(stream.droppedClients()).isEqualTo(1);

        slow.gate.countDown();
        await().atMost(TestNodes.DEADLINE).until(() -> slow.closed);
        assertThat(slow.ids()).containsExactly(1L);
        SseEvent overflow = slow.sent.get(slow.sent.size() - 1);
        assertThat(overflow.type()).isEqualTo("overflow");
        assertThat(overflow.data()).contains("\"lastEventId\":1");
        await().atMost(TestNodes.DEADLINE).until(() -> fast.ids().size() == 4);
        assertThat(fast.ids()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aResumingClientGetsTheHeldEventsThenLiveOnesInOrder() {
        for (int i = 1; i <= 3; i++) {
            stream.onEvent(key(i), 0L);
        }

        Sink resumed = serve(false, 1);
        stream.onEvent(key(4), 0L);

        await().atMost(TestNodes.DEADLINE).until(() -> resumed.ids().size() == 3);
        assertThat(resumed.ids()).containsExactly(2L, 3L, 4L);
        assertThat(resumed.sent).noneMatch(SseEvent::marker);
    }

    @Test
    void theRuntimesOwnKeysAreNotStreamed() {
        Sink sink = serve(false, -1);

        stream.onEvent(new ClusterEvent.KeyChanged(new KeyChange(OWNER, "grapevine.view", 0, 1, Bytes.EMPTY, false)), 0L);
        stream.onEvent(key(1), 0L);

        await().atMost(TestNodes.DEADLINE).until(() -> sink.ids().size() == 1);
        assertThat(sink.sent).extracting(SseEvent::data).noneMatch(data -> data.contains("grapevine.view"));
        assertThat(sink.ids()).containsExactly(1L);
    }

    @Test
    void closingTheStreamEndsEveryWriter() {
        Sink sink = serve(false, -1);

        stream.close();

        await().atMost(TestNodes.DEADLINE).until(() -> sink.closed);
    }

    @Test
    void anEventsDataIsItsJsonViewWithTheEmissionStampAsTheLastField() throws Exception {
        Sink sink = serve(false, -1);

        stream.onEvent(key(7), 1_234_567L);

        await().atMost(TestNodes.DEADLINE).until(() -> sink.ids().size() == 1);
        String data = sink.sent.get(0).data();
        JsonNode parsed = JsonBodies.newMapper().readTree(data);
        assertThat(parsed.get("atMillis").asLong()).isEqualTo(1_234_567L);
        assertThat(parsed.get("key").asText()).isEqualTo("k7");
        assertThat(data).endsWith(",\"atMillis\":1234567}");
    }

    @Test
    void theStampIsAppendedToAnyJsonObjectAndAnythingElseIsABug() {
        assertThat(EventStream.withStamp("{}", 5)).isEqualTo("{\"atMillis\":5}");
        assertThat(EventStream.withStamp("{\"a\":{\"b\":1}}", 5)).isEqualTo("{\"a\":{\"b\":1},\"atMillis\":5}");
        assertThatThrownBy(() -> EventStream.withStamp("[1]", 5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void theRehearsalRendersEachCommonKindAndKeepsNothing() {
        assertThat(stream.rehearse()).isEqualTo(3);

        stream.onEvent(key(1), 0L);
        Sink replayed = serve(false, 0);

        await().atMost(TestNodes.DEADLINE).until(() -> replayed.ids().size() == 1);
        assertThat(replayed.ids()).containsExactly(1L);
        assertThat(replayed.sent).extracting(SseEvent::data).noneMatch(data -> data.contains("rehearsal"));
    }

    @Test
    void eventsQueuedWhileTheClientIsBusyAreWrittenAsOneBatchInOrder() {
        Sink sink = serve(true, -1);

        stream.onEvent(key(1), 0L);
        await().atMost(TestNodes.DEADLINE).until(() -> sink.blocked);
        stream.onEvent(key(2), 0L);
        stream.onEvent(key(3), 0L);
        sink.gate.countDown();

        await().atMost(TestNodes.DEADLINE).until(() -> sink.ids().size() == 3);
        assertThat(sink.batches).containsExactly(List.of(1L), List.of(2L, 3L));
        assertThat(stream.droppedClients()).isZero();
    }

    @Test
    void aClientSinkFramesEachEventAsJavalinDoesWithNoIdLineForMarkers() {
        String frames = EventStream.ClientSink.frames(List.of(new SseEvent(7, "member-changed", "{\"a\":1}"),
                new SseEvent(0, "gap", "{}")));

        assertThat(frames).isEqualTo("id: 7\nevent: member-changed\ndata: {\"a\":1}\n\n"
                + "event: gap\ndata: {}\n\n");
    }
}
