package io.grapevine.core.wire;

/**
 * Internal control flow of the decoder: thrown by {@link WireReader} and always caught inside
 * {@link WireCodec#decode}, where it becomes a {@link Decoded.Rejected}. Stackless and shared
 * per reason, so rejecting garbage costs no allocation.
 */
final class Malformed extends RuntimeException {
    private static final Malformed[] BY_REASON = new Malformed[Rejection.values().length];

    static {
        for (Rejection reason : Rejection.values()) {
            BY_REASON[reason.ordinal()] = new Malformed(reason);
        }
    }

    private final transient Rejection reason;

    private Malformed(Rejection reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    static Malformed of(Rejection reason) {
        return BY_REASON[reason.ordinal()];
    }

    Rejection reason() {
        return reason;
    }
}
