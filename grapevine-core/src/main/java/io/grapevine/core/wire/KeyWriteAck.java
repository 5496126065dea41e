package io.grapevine.core.wire;

/**
 * A replica's acknowledgement that it holds a {@link KeyWrite} (applied, or superseded by a
 * newer entry it already had).
 *
 * @param opId the coordinator's operation id, positive
 */
public record KeyWriteAck(long opId) implements WireMessage {
    /** Validates the id. */
    public KeyWriteAck {
        if (opId <= 0) {
            throw new IllegalArgumentException("opId must be > 0: " + opId);
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.KEY_WRITE_ACK;
    }
}
