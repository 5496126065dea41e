package io.grapevine.core.wire;

import io.grapevine.core.base.TextLimits;

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
        TextLimits.checkName(field, value);
    }

    static void checkLength(String field, String value) {
        TextLimits.check(field, value, MAX_STRING_BYTES);
    }

    /** True when {@code value} has no unpaired surrogate, so its UTF-8 form decodes back to it. */
    static boolean isWellFormed(String value) {
        return TextLimits.isWellFormed(value);
    }
}
