package io.grapevine.agent.example;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The examples' only wait: check a condition over live nodes, then sleep a poll interval, until
 * it holds or a time limit passes. The measurements use the timed form, the same loop on both
 * sides of a comparison: its time runs from {@code startNanos} to the end of the check that
 * first saw the condition hold, so it includes at most one poll interval plus one sweep of the
 * nodes. Called from the command's own thread.
 */
final class Poll {
    private static final long DEFAULT_POLL_MILLIS = 20;

    private Poll() {
    }

    /** True as soon as {@code done} holds (checked every 20 ms); false once {@code limit} has passed without it. */
    static boolean until(BooleanSupplier done, Duration limit) {
        return until(done, System.nanoTime(), DEFAULT_POLL_MILLIS, limit.toMillis()) >= 0;
    }

    /**
     * @param startNanos when the clock started ({@link System#nanoTime()})
     * @return nanoseconds from {@code startNanos} until {@code done} held, or -1 on timeout
     */
    static long until(BooleanSupplier done, long startNanos, long pollMillis, long timeoutMillis) {
        long deadline = startNanos + timeoutMillis * 1_000_000L;
        while (true) {
            if (done.getAsBoolean()) {
                return System.nanoTime() - startNanos;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** Waits {@code duration} (the time between two blocks a demo or measurement produces). */
    static void pause(Duration duration) {
        until(() -> false, duration);
    }
}
