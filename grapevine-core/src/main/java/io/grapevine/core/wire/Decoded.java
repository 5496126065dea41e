package io.grapevine.core.wire;

/**
 * The result of decoding a byte string: a packet, or the reason it was rejected. The decoder
 * returns one of these for every input and never throws.
 */
public sealed interface Decoded permits Decoded.Ok, Decoded.Rejected {

    /** True when a packet was decoded. */
    boolean isOk();

    /**
     * A well-formed packet.
     *
     * @param packet the packet
     */
    record Ok(Packet packet) implements Decoded {
        @Override
        public boolean isOk() {
            return true;
        }
    }

    /**
     * A rejected input.
     *
     * @param reason why
     * @param detail a short human-readable explanation (for rate-limited logs)
     */
    record Rejected(Rejection reason, String detail) implements Decoded {
        @Override
        public boolean isOk() {
            return false;
        }
    }
}
