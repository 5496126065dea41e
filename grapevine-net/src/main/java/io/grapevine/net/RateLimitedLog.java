package io.grapevine.net;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a warning per key at most once per interval, with the count of that key's messages it
 * suppressed meanwhile. Thread-safe. The logger is given at construction, so what is logged
 * can be observed.
 */
final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    /** Per key: {last logged at (nanos), suppressed since}. */
    private final ConcurrentHashMap<String, long[]> slots = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    /** Warns with {@code message} (slf4j {@code {}} placeholders filled from {@code args}). */
    void warn(String key, String message, Object... args) {
        long skipped = admit(key);
        if (skipped >= 0 && log.isWarnEnabled()) {
            log.warn(withSuppressed(message, skipped), args);
        }
    }

    /**
     * {@link #warn(String, String, Object...)} for two arguments, the second a count: allocates
     * nothing while the key is suppressed, so a flood of drops costs no garbage.
     */
    void warn(String key, String message, Object first, long second) {
        long skipped = admit(key);
        if (skipped >= 0 && log.isWarnEnabled()) {
            log.warn(withSuppressed(message, skipped), first, second);
        }
    }

    /** Warns like {@link #warn(String, String, Object...)}, with {@code cause}'s stack trace. */
    void warn(String key, Throwable cause, String message, Object... args) {
        long skipped = admit(key);
        if (skipped >= 0 && log.isWarnEnabled()) {
            Object[] withCause = Arrays.copyOf(args, args.length + 1);
            withCause[args.length] = cause; // slf4j: a trailing Throwable is logged with its stack
            log.warn(withSuppressed(message, skipped), withCause);
        }
    }

    /** How many of {@code key}'s messages were suppressed before this one, or -1 to suppress it. */
    private long admit(String key) {
        long now = System.nanoTime();
        long[] slot = slots.get(key);
        if (slot == null) {
            slot = slots.computeIfAbsent(key, k -> new long[] {now - intervalNanos - 1, 0});
        }
        synchronized (slot) {
            if (now - slot[0] < intervalNanos) {
                slot[1]++;
                return -1;
            }
            slot[0] = now;
            long skipped = slot[1];
            slot[1] = 0;
            return skipped;
        }
    }

    private static String withSuppressed(String message, long skipped) {
        return skipped > 0 ? message + " (" + skipped + " similar messages suppressed)" : message;
    }
}
