package io.grapevine.core.wire;


/**
 * A delta with no reply expected: the third message of push-pull, a push, a key update
 * carried as a rumor, or direct mail.
 *
 * @param delta the entries
 */
public record StatePush(Delta delta) implements WireMessage {
    /** Validates the delta. */
    public StatePush {
        if (delta == null) {
            throw new IllegalArgumentException("delta must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.STATE_PUSH;
    }
}
