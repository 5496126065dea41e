package io.grapevine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static List<Integer> drainTargets(EventQueue queue) {
        List<Integer> targets = new ArrayList<>();
        while (!queue.isEmpty()) {
            int slot = queue.pop();
            targets.add(queue.target(slot));
            queue.release(slot);
        }
        return targets;
    }

    @Test
    void earlierEventsComeFirst() {
        EventQueue queue = new EventQueue(4);
        queue.push(30, EventQueue.TICK, 3, -1, null, 0, false);
        queue.push(10, EventQueue.TICK, 1, -1, null, 0, false);
        queue.push(20, EventQueue.TICK, 2, -1, null, 0, false);
        assertThat(queue.peekTime()).isEqualTo(10);
        assertThat(drainTargets(queue)).containsExactly(1, 2, 3);
    }

    @Test
    void eventsDueAtTheSameInstantRunInSchedulingOrder() {
        EventQueue queue = new EventQueue(4);
        for (int i = 0; i < 100; i++) {
            queue.push(5, EventQueue.DATAGRAM, i, 0, new byte[] {(byte) i}, 0, false);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertThat(drainTargets(queue)).isEqualTo(expected);
    }

    @Test
    void aPoppedEventKeepsItsFieldsUntilReleased() {
        EventQueue queue = new EventQueue(1);
        byte[] packet = {1, 2, 3};
        queue.push(7, EventQueue.STREAM, 4, 9, packet, 11, true);
        int slot = queue.pop();
        assertThat(queue.time(slot)).isEqualTo(7);
        assertThat(queue.kind(slot)).isEqualTo(EventQueue.STREAM);
        assertThat(queue.target(slot)).isEqualTo(4);
        assertThat(queue.source(slot)).isEqualTo(9);
        assertThat(queue.token(slot)).isEqualTo(11);
        assertThat(queue.deferred(slot)).isTrue();
        assertThat(queue.packet(slot)).isSameAs(packet);
        queue.release(slot);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void interleavedPushesAndPopsStayOrderedAcrossGrowth() {
        EventQueue queue = new EventQueue(2);
        long last = Long.MIN_VALUE;
        long t = 0;
        for (int round = 0; round < 1_000; round++) {
            for (int k = 0; k < 3; k++) {
                queue.push(t + (round * 7919L + k * 104729L) % 1000, EventQueue.TICK, k, -1, null, 0, false);
            }
            int slot = queue.pop();
            long popped = queue.time(slot);
            queue.release(slot);
            assertThat(popped).isGreaterThanOrEqualTo(last);
            last = popped;
            t = popped;
        }
        assertThat(queue.size()).isEqualTo(2_000);
    }
}
