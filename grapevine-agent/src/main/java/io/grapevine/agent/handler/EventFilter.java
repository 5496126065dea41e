package io.grapevine.agent.handler;

import java.util.List;

/**
 * One element of a handler's filter: an event type and, for {@link EventType#USER}, an
 * optional user event name ({@code user:deploy} matches only user events named
 * {@code deploy}; {@code user} matches every user event).
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the event type this element matches
 * @param userEventName the user event name to match exactly, or {@code ""} for any name;
 *     only {@link EventType#USER} may carry a name
 */
public record EventFilter(EventType type, String userEventName) {
    /** What {@link #parse} accepts, for error messages. */
    static final String KNOWN = "member-join, member-leave, member-failed, member-update, "
            + "member-reap, user, user:NAME or *";

    /**
     * Refuses a missing type or name, and a name on a member event type.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public EventFilter {
        if (type == null || userEventName == null) {
            throw new IllegalArgumentException("event filter type and name must not be null");
        }
        if (!userEventName.isEmpty() && type != EventType.USER) {
            throw new IllegalArgumentException(
                    "only user events take a name, not " + type.label() + ":" + userEventName);
        }
    }

    /** Matches every event of {@code type}. */
    public static EventFilter of(EventType type) {
        return new EventFilter(type, "");
    }

    /** Matches user events named {@code name} only. */
    public static EventFilter user(String name) {
        return new EventFilter(EventType.USER, name);
    }

    /**
     * Parses one comma-separated element of a filter ({@code member-join}, {@code user},
     * {@code user:NAME}, or {@code *}, which yields one filter per type). Surrounding
     * whitespace is ignored.
     *
     * @throws IllegalArgumentException naming the element, if it is empty or unknown, or a
     *     {@code user:} with no name
     */
    public static List<EventFilter> parse(String element) {
        String text = element.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty event type in the filter (expected " + KNOWN + ")");
        }
        if (text.equals("*")) {
            return all();
        }
        if (text.startsWith("user:")) {
            String name = text.substring("user:".length()).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("no user event name after 'user:' (write 'user' for every user event)");
            }
            return List.of(user(name));
        }
        EventType type = EventType.fromLabel(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown event type '" + text + "' (expected " + KNOWN + ")"));
        return List.of(of(type));
    }

    /** One filter per event type, each matching every event of its type: what {@code *} means. */
    public static List<EventFilter> all() {
        EventType[] types = EventType.values();
        EventFilter[] filters = new EventFilter[types.length];
        for (int i = 0; i < types.length; i++) {
            filters[i] = of(types[i]);
        }
        return List.of(filters);
    }

    /** True if {@code event} is of this type and, when a name is set, has that name. */
    public boolean matches(HandlerEvent event) {
        return event.type() == type && (userEventName.isEmpty() || userEventName.equals(event.subject()));
    }

    /** The filter text: {@code member-join}, {@code user} or {@code user:NAME}. */
    @Override
    public String toString() {
        return userEventName.isEmpty() ? type.label() : type.label() + ":" + userEventName;
    }
}
