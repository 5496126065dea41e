package io.grapevine.core.detector;

import io.grapevine.core.base.Address;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Indirect probes this node runs for others (ping-req): our own ping sequence number mapped
 * to who asked and under which of their sequence numbers. Bounded; entries leave on ack or
 * when they time out (and the requester is then sent a nack).
 */
public final class Relays {
    /**
     * One relayed probe.
     *
     * @param requester where to forward the ack or nack
     * @param requesterSequence the requester's sequence number
     * @param deadlineNanos when to give up and nack
     */
    public record Relay(Address requester, int requesterSequence, long deadlineNanos) {
    }

    private final LinkedHashMap<Integer, Relay> pending = new LinkedHashMap<>();
    private final int capacity;

    /** Holds at most {@code capacity} relays. */
    public Relays(int capacity) {
        this.capacity = capacity;
    }

    /** Registers a relay under our sequence; false when full. */
    public boolean add(int ourSequence, Relay relay) {
        if (pending.size() >= capacity) {
            return false;
        }
        pending.put(ourSequence, relay);
        return true;
    }

    /** Removes and returns the relay for our sequence, or {@code null}. */
    public Relay complete(int ourSequence) {
        return pending.remove(ourSequence);
    }

    /** Removes and returns relays whose deadline has passed, oldest first. */
    public List<Relay> expire(long nowNanos) {
        List<Relay> expired = new ArrayList<>();
        Iterator<Relay> it = pending.values().iterator();
        while (it.hasNext()) {
            Relay relay = it.next();
            if (relay.deadlineNanos() > nowNanos) {
                break; // same timeout for all, so insertion order is deadline order
            }
            expired.add(relay);
            it.remove();
        }
        return expired;
    }

    /** Earliest deadline, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        for (Relay relay : pending.values()) {
            return relay.deadlineNanos();
        }
        return Long.MAX_VALUE;
    }

    /** Number of relays in flight. */
    public int size() {
        return pending.size();
    }
}
