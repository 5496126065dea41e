package io.grapevine.core.dissemination;

import io.grapevine.core.base.Bytes;

/**
 * A user event as the application sees it: delivered once per node, in no particular order
 * across origins (Serf's user events).
 *
 * @param origin the member that fired it
 * @param lamportTime its Lamport time at the origin; with the origin, identifies it
 * @param name the event's name
 * @param payload its payload, immutable
 */
public record DeliveredEvent(String origin, long lamportTime, String name, Bytes payload) {
    /** Refuses missing fields. */
    public DeliveredEvent {
        if (origin == null || name == null || payload == null) {
            throw new IllegalArgumentException("origin, name and payload must not be null");
        }
    }
}
