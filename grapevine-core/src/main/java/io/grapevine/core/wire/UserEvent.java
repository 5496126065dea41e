package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
/**
 * An application event, disseminated to every member at most once each (de-duplicated by
 * {@code origin} and {@code lamportTime}).
 *
 * @param origin name of the node that fired the event
 * @param lamportTime the origin's Lamport clock when it fired the event
 * @param name the event name chosen by the application
 * @param payload opaque application bytes; the size limit is configuration
 */
public record UserEvent(String origin, long lamportTime, String name, Bytes payload) implements WireMessage {
    /** Validates the fields. */
    public UserEvent {
        WireLimits.checkName("origin", origin);
        WireLimits.checkName("name", name);
        if (lamportTime < 0) {
            throw new IllegalArgumentException("lamportTime must be >= 0: " + lamportTime);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.USER_EVENT;
    }
}
