package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;

/**
 * A message of an application service ({@code io.grapevine.core.service.Service}): opaque
 * bytes on a named channel, sent to one member as a datagram or over a stream. The core
 * routes it to the service installed under {@code channel}; a node with no such service drops
 * it and counts {@code UNKNOWN_CHANNEL}.
 *
 * @param channel the service's channel name (1..255 UTF-8 bytes, not blank)
 * @param payload the service's bytes; a datagram's must fit the MTU with the packet header
 */
public record ServiceMessage(String channel, Bytes payload) implements WireMessage {
    /** Validates the fields. */
    public ServiceMessage {
        WireLimits.checkName("channel", channel);
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.SERVICE_MESSAGE;
    }
}
