package io.grapevine.core.membership;

import java.util.ArrayList;
import java.util.List;

/** A bounded ring of a member's most recent {@link Transition}s, oldest first. */
final class History {
    private final Transition[] ring;
    private int next;
    private int size;

    History(int capacity) {
        ring = new Transition[capacity];
    }

    void add(Transition transition) {
        if (ring.length == 0) {
            return;
        }
        ring[next] = transition;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    List<Transition> toList() {
        List<Transition> list = new ArrayList<>(size);
        int start = (next - size + ring.length) % Math.max(1, ring.length);
        for (int i = 0; i < size; i++) {
            list.add(ring[(start + i) % ring.length]);
        }
        return List.copyOf(list);
    }
}
