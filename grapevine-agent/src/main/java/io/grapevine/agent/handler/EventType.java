package io.grapevine.agent.handler;

import java.util.Optional;

/**
 * The event types a handler can filter on and sees in {@code GRAPEVINE_EVENT}: Serf's names,
 * so a Serf handler's filter works unchanged. {@link EventMapping} says which core changes
 * map to which type.
 */
public enum EventType {
    /** A member joined, recovered from a failure verdict, or restarted as a new life. */
    MEMBER_JOIN("member-join"),
    /** A member left gracefully. */
    MEMBER_LEAVE("member-leave"),
    /** A member was declared failed (its suspicion timed out, or a peer's verdict arrived). */
    MEMBER_FAILED("member-failed"),
    /** A live member's entry changed without a status change (address, name conflict). */
    MEMBER_UPDATE("member-update"),
    /** A failed or left member's tombstone was removed. */
    MEMBER_REAP("member-reap"),
    /** A user event ({@code grapevine event NAME [PAYLOAD]}) arrived. */
    USER("user");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    /** The name used in filters and in {@code GRAPEVINE_EVENT}, e.g. {@code member-join}. */
    public String label() {
        return label;
    }

    /** The type whose {@link #label()} is exactly {@code label}, or empty if none is. */
    public static Optional<EventType> fromLabel(String label) {
        for (EventType type : values()) {
            if (type.label.equals(label)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** True for the member event types (all but {@link #USER}). */
    public boolean isMemberEvent() {
        return this != USER;
    }
}
