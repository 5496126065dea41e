package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
}
