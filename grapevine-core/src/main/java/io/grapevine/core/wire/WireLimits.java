package io.grapevine.core.wire;

import java.nio.charset.StandardCharsets;

/** Fixed limits of the wire format itself (configurable limits live in the core config). */
public final class WireLimits {
    /** Longest name, host or label in UTF-8 bytes: its length travels in one byte. */
    public static final int MAX_STRING_BYTES = 255;
    /** Most messages in one packet: the count travels in one byte. */
    public static final int MAX_MESSAGES_PER_PACKET = 255;

    private WireLimits() {
    }

    /** A name, host or origin: non-blank (the decoder rejects blank ones as MALFORMED) and within the limit. */
    static void checkName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        checkLength(field, value);
    }

    static void checkLength(String field, String value) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(field + " must not contain an unpaired surrogate");
        }
        // at most 3 UTF-8 bytes per char: short strings need no encoding to check
        if (value.length() > MAX_STRING_BYTES
                || (value.length() > MAX_STRING_BYTES / 3
                    && value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES)) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_STRING_BYTES + " UTF-8 bytes");
        }
    }

    /** True when {@code value} has no unpaired surrogate, so its UTF-8 form decodes back to it. */
    static boolean isWellFormed(String value) {
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
