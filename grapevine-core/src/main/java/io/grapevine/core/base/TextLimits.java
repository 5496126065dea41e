package io.grapevine.core.base;

import java.nio.charset.StandardCharsets;

/**
 * Rules every name, host, label and key obeys so that it survives the wire unchanged: at most
 * 255 UTF-8 bytes (its length travels in one byte) and no unpaired surrogate (which UTF-8
 * cannot carry). Checked where values are created, so a bad one fails at the caller.
 */
public final class TextLimits {
    /** Longest text in UTF-8 bytes. */
    public static final int MAX_BYTES = 255;

    private TextLimits() {
    }

    /** Non-blank and within {@link #check}'s rules; the message names {@code field}. */
    public static void checkName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        check(field, value, MAX_BYTES);
    }

    /** Well-formed and at most {@code maxBytes} UTF-8 bytes; the message names {@code field}. */
    public static void check(String field, String value, int maxBytes) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(field + " must not contain an unpaired surrogate");
        }
        // at most 3 UTF-8 bytes per char: short strings need no encoding to check
        if (value.length() > maxBytes
                || (value.length() > maxBytes / 3 && value.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
            throw new IllegalArgumentException(field + " must be at most " + maxBytes + " UTF-8 bytes");
        }
    }

    /** True when {@code value} has no unpaired surrogate, so its UTF-8 form decodes back to it. */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
