package io.grapevine.agent.handler;

import io.grapevine.core.base.Bytes;

/**
 * An event as a handler script sees it (see {@link EventMapping} for how a core event becomes
 * one, and {@link HandlerEnvironment} for the variables it sets).
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the event type ({@code GRAPEVINE_EVENT})
 * @param subject the member's name for member events; the user event's name
 *     ({@code GRAPEVINE_USER_EVENT}) for user events; non-blank
 * @param userLamportTime the user event's Lamport time at its origin
 *     ({@code GRAPEVINE_USER_LTIME}); {@code 0} for member events
 * @param stdin what the script reads on stdin: {@code name\taddress\tstatus\n} for member
 *     events, the payload bytes for user events
 */
public record HandlerEvent(EventType type, String subject, long userLamportTime, Bytes stdin) {
    /**
     * Refuses missing fields, a blank subject, a negative Lamport time, and a Lamport time on
     * a member event.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public HandlerEvent {
        if (type == null || subject == null || stdin == null) {
            throw new IllegalArgumentException("handler event type, subject and stdin must not be null");
        }
        if (subject.isBlank()) {
            throw new IllegalArgumentException("handler event subject must not be blank");
        }
        if (userLamportTime < 0 || (type.isMemberEvent() && userLamportTime != 0)) {
            throw new IllegalArgumentException(
                    "userLamportTime (" + userLamportTime + ") must be >= 0, and 0 for " + type.label());
        }
    }

    /** For logs: {@code member-join alice} or {@code user deploy@12}. */
    @Override
    public String toString() {
        return type.isMemberEvent()
                ? type.label() + " " + subject
                : type.label() + " " + subject + "@" + userLamportTime;
    }
}
