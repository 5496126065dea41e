package io.grapevine.agent.example;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition on live nodes, checking every 20 ms, for at most a given time: the examples' only wait. */
final class Poll {
    private Poll() {
    }

    /** True as soon as {@code done} holds; false once {@code limit} has passed without it. */
    static boolean until(BooleanSupplier done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() >= end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits {@code duration} (the time between two blocks a demo or measurement produces). */
    static void pause(Duration duration) {
        until(() -> false, duration);
    }
}
