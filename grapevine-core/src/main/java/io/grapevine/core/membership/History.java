package io.grapevine.core.membership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded ring of a member's most recent {@link Transition}s, oldest first. Starts small
 * and grows to its capacity, since most members only ever record a join.
 */
final class History {
    private static final Transition[] NONE = new Transition[0];
    private final int capacity;
    private Transition[] ring = NONE;
    private int next;
    private int size;

    History(int capacity) {
        this.capacity = capacity;
    }

    void add(Transition transition) {
        if (capacity == 0) {
            return;
        }
        if (size == ring.length && ring.length < capacity) {
            // not yet wrapped: the ring is in order, so growing keeps it in order
            ring = Arrays.copyOf(ring, Math.min(capacity, Math.max(2, ring.length * 2)));
            next = size;
        }
        ring[next] = transition;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    List<Transition> toList() {
        List<Transition> list = new ArrayList<>(size);
        int start = size < ring.length ? 0 : next;
        for (int i = 0; i < size; i++) {
            list.add(ring[(start + i) % ring.length]);
        }
        return List.copyOf(list);
    }
}
