package io.grapevine.agent.example;

import java.util.function.BooleanSupplier;

/**
 * The one polling loop both sides of the measurement use: check a condition over every node,
 * then sleep the poll interval, until it holds or the timeout passes. The returned time is from
 * {@code startNanos} to the end of the check that first saw the condition hold, so it includes at
 * most one poll interval plus one sweep of the nodes.
 */
final class Poll {
    private Poll() {
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
}
