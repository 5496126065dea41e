package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers cluster events to application listeners on one dedicated thread, in the order the
 * core emitted them, so a slow listener never stalls the protocol's event loop. A listener
 * that throws is logged and the others still run. Each event carries the wall-clock time
 * ({@link System#currentTimeMillis()}) at which the protocol loop emitted it, read on that
 * loop, so a listener that falls behind still knows when the node learned what it reports.
 */
final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private final List<BiConsumer<ClusterEvent, Long>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    EventDispatcher(String nodeName) {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grapevine-events-" + nodeName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void add(Consumer<ClusterEvent> listener) {
        listeners.add((event, emittedAtMillis) -> listener.accept(event));
    }

    void addTimed(BiConsumer<ClusterEvent, Long> listener) {
        listeners.add(listener);
    }

    void dispatch(ClusterEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        Long emittedAtMillis = System.currentTimeMillis();
        executor.execute(() -> {
            for (BiConsumer<ClusterEvent, Long> listener : listeners) {
                try {
                    listener.accept(event, emittedAtMillis);
                } catch (RuntimeException e) {
                    LOG.warn("cluster listener failed on {}", event.kind(), e);
                }
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
