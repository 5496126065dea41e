package io.grapevine.bench.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one event of an agent's {@code GET /v1/events} stream (its SSE {@code event} type and
 * JSON {@code data}, docs/http-api.md) into an {@link Observation} stamped with the event's
 * {@code atMillis}: the wall clock at which that agent took the event from its node, on the
 * node's event thread. Markers ({@code gap}, {@code overflow}), name conflicts, malformed data
 * and data without a stamp give empty.
 */
final class AgentEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentEvents() {
    }

    /** The observation node {@code node} reports with SSE event {@code type} and {@code data}. */
    static Optional<Observation> parse(int node, String type, String data) {
        JsonNode fields;
        try {
            fields = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        JsonNode at = fields.path("atMillis");
        if (!at.isIntegralNumber()) {
            return Optional.empty();
        }
        long atMillis = at.asLong();
        return switch (type) {
            case "member-changed" -> text(fields.path("member").path("name")).flatMap(member ->
                    text(fields.path("member").path("status")).map(status -> new Observation(node, atMillis,
                            Observation.Kind.STATUS, member, status.toUpperCase(Locale.ROOT))));
            case "user-event" -> text(fields.path("name"))
                    .map(name -> new Observation(node, atMillis, Observation.Kind.USER, name, ""));
            case "key-changed" -> text(fields.path("node")).flatMap(owner -> text(fields.path("key"))
                    .map(key -> new Observation(node, atMillis, Observation.Kind.KEY, owner, key)));
            default -> Optional.empty();
        };
    }

    private static Optional<String> text(JsonNode field) {
        return field.isTextual() ? Optional.of(field.asText()) : Optional.empty();
    }
}
