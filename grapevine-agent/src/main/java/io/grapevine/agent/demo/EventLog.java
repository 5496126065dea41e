package io.grapevine.agent.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything every agent streamed to the demo, in arrival order: the feeds append from their
 * reader threads, the story reads and waits for news. Thread-safe (one monitor).
 */
final class EventLog {
    private final List<HeardEvent> events = new ArrayList<>();

    /** Appends an event and wakes waiters. */
    synchronized void add(HeardEvent event) {
        events.add(event);
        notifyAll();
    }

    /** How many events have arrived: a position to read or wait from. */
    synchronized int size() {
        return events.size();
    }

    /**
     * The events from position {@code from} on.
     *
     * @param from a position from {@link #size()}
     * @return those events, oldest first
     */
    synchronized List<HeardEvent> since(int from) {
        return List.copyOf(events.subList(Math.min(from, events.size()), events.size()));
    }

    /**
     * The first event from position {@code from} on that matches.
     *
     * @param from a position from {@link #size()}
     * @param match the test
     * @return the first match
     */
    synchronized Optional<HeardEvent> first(int from, Predicate<HeardEvent> match) {
        for (int i = Math.min(from, events.size()); i < events.size(); i++) {
            if (match.test(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until an event arrives after position {@code seen}, or {@code maxNanos} pass, or the
     * thread is interrupted (its flag is kept): the one pause of the demo's polling loops.
     *
     * @param seen the position the caller has read up to
     * @param maxNanos the most to wait
     */
    synchronized void awaitNews(int seen, long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        for (long left = maxNanos; events.size() <= seen && left > 0; left = deadline - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
