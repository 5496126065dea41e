package io.grapevine.core.wire;


/**
 * The answer to a {@link StateDigest}: what the initiator lacks and, in push-pull, the
 * responder's digest so the initiator can send what the responder lacks ({@link StatePush}).
 *
 * @param delta entries the initiator lacks, cut to the budget
 * @param digest the responder's digest; empty in pull mode
 */
public record StateAck(Delta delta, Digest digest) implements WireMessage {
    /** Validates the fields. */
    public StateAck {
        if (delta == null || digest == null) {
            throw new IllegalArgumentException("delta and digest must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.STATE_ACK;
    }
}
