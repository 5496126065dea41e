package io.grapevine.core.wire;

/**
 * A read of one shared key, sent to a replica; answered by {@link KeyReadReply} with the
 * replica's entry (value or tombstone) or none.
 *
 * @param opId the coordinator's operation id, positive
 * @param key the key, non-empty
 */
public record KeyRead(long opId, String key) implements WireMessage {
    /** Validates the fields. */
    public KeyRead {
        if (opId <= 0) {
            throw new IllegalArgumentException("opId must be > 0: " + opId);
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.KEY_READ;
    }
}
