package io.grapevine.core.dissemination;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The user-event Lamport clock and de-duplication window (Serf's event buffer, simplified).
 *
 * <p>An event is identified by its origin and Lamport time. The last {@code window} event ids
 * are remembered; an event older than {@code clock - window}, or older than the clock a
 * joiner inherited from its seed, is refused as stale, so an evicted id is never delivered
 * twice. Memory is bounded by {@code window}.
 */
public final class EventLog {
    /** What became of an incoming event. */
    public enum Verdict {
        /** New: deliver and rebroadcast. */
        NEW,
        /** Seen before: drop. */
        DUPLICATE,
        /** Older than the window or than what we joined at: drop. */
        STALE
    }

    private final int window;
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private long clock;
    private long minAcceptedTime;

    /** A log remembering {@code window} events. */
    public EventLog(int window) {
        this.window = window;
    }

    /** The Lamport clock. */
    public long clock() {
        return clock;
    }

    /** Advances the clock for a local event and returns the event's time. */
    public long tick() {
        return ++clock;
    }

    /** Moves the clock forward to at least {@code time} (Lamport's witness rule). */
    public void witness(long time) {
        if (time > clock) {
            clock = time;
        }
    }

    /** Refuses events older than {@code time}: what a joiner's seed had already seen. */
    public void ignoreBefore(long time) {
        minAcceptedTime = Math.max(minAcceptedTime, time);
        witness(time);
    }

    /** Classifies and records an event from {@code origin} at {@code lamportTime}. */
    public Verdict accept(String origin, long lamportTime) {
        if (lamportTime <= minAcceptedTime && minAcceptedTime > 0 || lamportTime + window < clock) {
            return Verdict.STALE;
        }
        String id = origin + '\u0000' + lamportTime;
        if (!seen.add(id)) {
            return Verdict.DUPLICATE;
        }
        order.addLast(id);
        if (order.size() > window) {
            seen.remove(order.pollFirst());
        }
        witness(lamportTime);
        return Verdict.NEW;
    }
}
