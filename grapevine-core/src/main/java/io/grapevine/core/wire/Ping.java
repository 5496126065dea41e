package io.grapevine.core.wire;

/**
 * A direct probe. The receiver answers with an {@link Ack} carrying the same sequence number,
 * but only when {@code targetName} is its own name (a ping meant for a previous holder of the
 * address is dropped as misdirected).
 *
 * @param sequence the prober's sequence number
 * @param targetName the name of the member being probed
 */
public record Ping(int sequence, String targetName) implements WireMessage {
    /** Validates the target name. */
    public Ping {
        WireLimits.checkName("targetName", targetName);
    }

    @Override
    public MessageType kind() {
        return MessageType.PING;
    }
}
