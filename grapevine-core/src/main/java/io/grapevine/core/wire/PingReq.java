package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;

/**
 * A request to probe {@code target} on the sender's behalf and forward its ack (SWIM's
 * indirect probe). The relay answers with an {@link Ack} or, when the target stays silent,
 * a {@link Nack}, both carrying {@code sequence}.
 *
 * @param sequence the requester's sequence number
 * @param target the member to probe
 */
public record PingReq(int sequence, NodeId target) implements WireMessage {
    /** Validates the target. */
    public PingReq {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.PING_REQ;
    }
}
