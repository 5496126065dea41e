package io.grapevine.agent.client;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How client output shows times and ages. Pure functions over the values given. */
final class Times {
    /** The agent's own log time format: local time with its offset. */
    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private Times() {
    }

    /** {@code epochMillis} in {@link #LOG_TIME} in {@code zone}. */
    static String at(long epochMillis, ZoneId zone) {
        return LOG_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** An age for people: {@code 850 ms}, {@code 12.3 s}, {@code 4m05s}, {@code 2h03m}, {@code 3d04h}. */
    static String age(long millis) {
        if (millis < SECOND) {
            return millis + " ms";
        }
        if (millis < MINUTE) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (millis < HOUR) {
            return String.format(Locale.ROOT, "%dm%02ds", millis / MINUTE, millis % MINUTE / SECOND);
        }
        if (millis < DAY) {
            return String.format(Locale.ROOT, "%dh%02dm", millis / HOUR, millis % HOUR / MINUTE);
        }
        return String.format(Locale.ROOT, "%dd%02dh", millis / DAY, millis % DAY / HOUR);
    }
}
