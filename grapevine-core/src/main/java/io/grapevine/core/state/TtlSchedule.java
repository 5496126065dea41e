package io.grapevine.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Expiry times of this node's keys that carry a TTL, earliest first. */
final class TtlSchedule {
    record Due(String key, long version, long atNanos) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.version, b.version));

    void schedule(String key, long version, long atNanos) {
        queue.add(new Due(key, version, atNanos));
    }

    List<Due> due(long nowNanos) {
        List<Due> due = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().atNanos() <= nowNanos) {
            due.add(queue.poll());
        }
        return due;
    }

    long nextNanos() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().atNanos();
    }
}
