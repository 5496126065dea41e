package io.grapevine.agent.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event an agent streamed to the demo over {@code /v1/events}, stamped with the demo's clock
 * when it arrived (the agents' own clocks are not comparable across processes).
 *
 * @param observer the agent that streamed it
 * @param type the SSE event type: {@code member-changed}, {@code key-changed}, {@code user-event}, ...
 * @param data the event's JSON data (docs/http-api.md, "Live events")
 * @param atNanos when the demo read it, in the demo's clock
 */
record HeardEvent(String observer, String type, JsonNode data, long atNanos) {
    /**
     * Whether this is a {@code member-changed} event about {@code member} for one of {@code changes}.
     *
     * @param member the member's name
     * @param changes lower-case change names ({@code joined}, {@code suspected}, {@code failed}, ...)
     * @return whether it matches
     */
    boolean isMemberChange(String member, String... changes) {
        if (!type.equals("member-changed") || !data.path("member").path("name").asText().equals(member)) {
            return false;
        }
        String change = change();
        for (String wanted : changes) {
            if (wanted.equals(change)) {
                return true;
            }
        }
        return false;
    }

    /** For a {@code member-changed} event: the member's name. */
    String member() {
        return data.path("member").path("name").asText();
    }

    /** For a {@code member-changed} event: the change, lower case. */
    String change() {
        return data.path("change").asText();
    }

    /** For a {@code member-changed} event: the node on whose word the change was made. */
    String onWordOf() {
        return data.path("onWordOf").asText();
    }

    /** Whether this is a {@code key-changed} event for {@code node}'s {@code key}. */
    boolean isKeyChange(String node, String key) {
        return type.equals("key-changed") && data.path("node").asText().equals(node)
                && data.path("key").asText().equals(key);
    }

    /** Whether this is a {@code user-event} named {@code name} fired by {@code origin}. */
    boolean isUserEvent(String origin, String name) {
        return type.equals("user-event") && data.path("origin").asText().equals(origin)
                && data.path("name").asText().equals(name);
    }
}
