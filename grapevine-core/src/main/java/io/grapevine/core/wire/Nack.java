package io.grapevine.core.wire;

/**
 * A relay's report that it probed the target of a {@link PingReq} and heard nothing back in
 * time (Lifeguard): the requester learns that its relays are reachable, so the missing ack is
 * the target's fault, not its own.
 *
 * @param sequence the requester's sequence number from the ping-req
 */
public record Nack(int sequence) implements WireMessage {
    @Override
    public MessageType kind() {
        return MessageType.NACK;
    }
}
