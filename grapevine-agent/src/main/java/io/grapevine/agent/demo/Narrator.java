package io.grapevine.agent.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints the demo's story: each line stamped with the seconds since the demo started, so the
 * reader sees how long things take. Thread-safe (the shutdown hook narrates too); flushes every
 * line.
 */
final class Narrator {
    private static final long MS = 1_000_000L;

    private final PrintWriter out;
    private final LongSupplier clock;
    private final long originNanos;

    /**
     * @param out the terminal
     * @param clock monotonic nanos
     * @param originNanos when the demo started, in {@code clock}'s time
     */
    Narrator(PrintWriter out, LongSupplier clock, long originNanos) {
        this.out = out;
        this.clock = clock;
        this.originNanos = originNanos;
    }

    /** Prints {@code [  SS.ss s] text}, {@code text} formatted as {@link String#format}. */
    synchronized void say(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.2f s] %s%n", (clock.getAsLong() - originNanos) / 1e9,
                String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** Prints {@code text} as a line of its own, unstamped (the dashboard URL, headings). */
    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    /** When the demo started, in the clock's time. */
    long originNanos() {
        return originNanos;
    }

    /**
     * A duration for a reader: milliseconds below a second ({@code 48 ms}), else seconds with two
     * decimals ({@code 1.36 s}).
     *
     * @param nanos the duration
     * @return the text
     */
    static String span(long nanos) {
        return nanos < 1_000 * MS ? String.format(Locale.ROOT, "%d ms", Math.max(0, nanos) / MS)
                : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
