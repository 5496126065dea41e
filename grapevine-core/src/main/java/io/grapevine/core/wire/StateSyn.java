package io.grapevine.core.wire;

import io.grapevine.core.state.Digest;

/**
 * Opens an anti-entropy exchange (Cassandra's SYN): the initiator's digest. The peer answers
 * with a {@link StateAck} holding what the initiator lacks, plus its own digest when
 * {@code pushPull} asks for the third message.
 *
 * @param digest the initiator's digest
 * @param pushPull true for push-pull (three messages), false for pull (two)
 */
public record StateSyn(Digest digest, boolean pushPull) implements WireMessage {
    /** Validates the digest. */
    public StateSyn {
        if (digest == null) {
            throw new IllegalArgumentException("digest must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.STATE_SYN;
    }
}
