package io.grapevine.core.wire;

/**
 * Why a byte string was not accepted as a packet. Every rejection is counted by reason; none
 * changes any state.
 */
public enum Rejection {
    /** Shorter than the fixed header. */
    TOO_SHORT,
    /** Does not start with the magic bytes {@code 'G' 'V'}: not ours. */
    BAD_MAGIC,
    /** The CRC-32C trailer does not match: corrupted in transit (or forged). */
    BAD_CHECKSUM,
    /** A protocol version this build does not speak. */
    UNSUPPORTED_VERSION,
    /** Header flags this build does not know. */
    UNKNOWN_FLAGS,
    /** Carries another cluster's label: never merged into this one. */
    WRONG_LABEL,
    /** A length or count points past the end of the input. */
    TRUNCATED,
    /** Larger than the configured limit for its channel. */
    TOO_LARGE,
    /** A frame type this build does not know. */
    UNKNOWN_TYPE,
    /** A field holds an impossible value (bad UTF-8, status, negative number, empty name). */
    MALFORMED,
    /** Bytes left over after the declared frames. */
    TRAILING_BYTES
}
