package io.grapevine.net;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** Logs a warning per key at most once per interval, with the count of what it suppressed. */
final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, long[]> last = new ConcurrentHashMap<>();
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    void warn(String key, String message, Object... args) {
        long now = System.nanoTime();
        long[] slot = last.computeIfAbsent(key, k -> new long[] {now - intervalNanos - 1});
        synchronized (slot) {
            if (now - slot[0] < intervalNanos) {
                suppressed.incrementAndGet();
                return;
            }
            slot[0] = now;
        }
        long skipped = suppressed.getAndSet(0);
        if (log.isWarnEnabled()) {
            log.warn(message + (skipped > 0 ? " (" + skipped + " similar messages suppressed)" : ""), args);
        }
    }
}
