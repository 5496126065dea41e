package io.grapevine.core.base;

/**
 * The checks every config record's canonical constructor runs: each refusal is an
 * {@link IllegalArgumentException} whose message names the field, the rule and the value
 * ({@code probeIntervalNanos must be > 0: 0}), so a bad setting is found from the message alone.
 * Stateless.
 */
public final class ConfigCheck {
    private ConfigCheck() {
    }

    /** Refuses {@code value <= 0}. */
    public static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    /** Refuses {@code value < 0}. */
    public static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    /** Refuses a value outside {@code min..max} (an open upper end when {@code max} is {@code Integer.MAX_VALUE}). */
    public static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".."
                    + (max == Integer.MAX_VALUE ? "" : String.valueOf(max)) + ": " + value);
        }
    }

    /** Refuses {@code null}. */
    public static void notNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    /** Refuses {@code null} and text over {@code maxBytes} UTF-8 bytes. */
    public static void text(String field, String value, int maxBytes) {
        notNull(field, value);
        TextLimits.check(field, value, maxBytes);
    }
}
