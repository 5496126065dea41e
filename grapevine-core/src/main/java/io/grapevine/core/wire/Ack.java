package io.grapevine.core.wire;

/**
 * The answer to a {@link Ping}, sent directly or forwarded by a ping-req relay.
 *
 * @param sequence the sequence number of the ping being answered
 */
public record Ack(int sequence) implements WireMessage {
    @Override
    public MessageType kind() {
        return MessageType.ACK;
    }
}
