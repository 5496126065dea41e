package io.grapevine.agent.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} events of the stream, in a ring, so a client that reconnects with
 * {@code Last-Event-ID} resumes where it stopped. Ids are consecutive from 1, so the event
 * with id {@code i} sits at {@code (i - 1) % capacity} while it is held.
 *
 * <p>Not thread-safe: {@link EventStream} confines it to its lock.
 */
final class EventBacklog {
    private final SseEvent[] ring;
    private long lastId;

    EventBacklog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.ring = new SseEvent[capacity];
    }

    /**
     * What a client that last saw {@code lastEventId} should be sent.
     *
     * @param events the held events after it, oldest first
     * @param missedFrom the first id it can no longer get (0 when nothing was missed)
     * @param missedTo the last id it can no longer get (0 when nothing was missed)
     * @param unknownId whether {@code lastEventId} is ahead of this stream (the agent restarted,
     *                  or the id came from another agent); then every held event is sent
     */
    record Replay(List<SseEvent> events, long missedFrom, long missedTo, boolean unknownId) {
        /** Freezes the list. */
        Replay {
            events = List.copyOf(events);
        }

        /** Whether the client must be told it lost events or its id meant nothing here. */
        boolean gap() {
            return missedFrom > 0 || unknownId;
        }
    }

    /** The id the next event gets. */
    long nextId() {
        return lastId + 1;
    }

    /** Keeps {@code event}, whose id must be {@link #nextId()}, dropping the oldest when full. */
    void append(SseEvent event) {
        if (event.id() != lastId + 1) {
            throw new IllegalArgumentException("event id " + event.id() + " must be " + (lastId + 1));
        }
        ring[(int) ((event.id() - 1) % ring.length)] = event;
        lastId = event.id();
    }

    /** The id of the oldest event held (lastId + 1 when none is). */
    private long oldestId() {
        return Math.max(1, lastId - ring.length + 1);
    }

    /** What to replay for a client whose last event was {@code lastEventId} (0: before the first). */
    Replay after(long lastEventId) {
        boolean unknown = lastEventId > lastId;
        long from = unknown ? oldestId() : Math.max(lastEventId + 1, oldestId());
        List<SseEvent> events = new ArrayList<>((int) Math.max(0, lastId - from + 1));
        for (long id = from; id <= lastId; id++) {
            events.add(ring[(int) ((id - 1) % ring.length)]);
        }
        boolean missed = !unknown && lastEventId + 1 < oldestId();
        return new Replay(events, missed ? lastEventId + 1 : 0, missed ? oldestId() - 1 : 0, unknown);
    }
}
