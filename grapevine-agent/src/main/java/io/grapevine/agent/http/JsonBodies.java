package io.grapevine.agent.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads request bodies as strict JSON objects: the size limit is Javalin's (413 past
 * {@link HttpSettings#maxBodyBytes()}), and anything else wrong (not JSON, duplicate or
 * unknown fields, a field of the wrong type) is a {@link BadRequestResponse} whose message
 * names the problem, so a typo such as {@code "vaule"} is refused rather than ignored.
 */
final class JsonBodies {
    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The one mapper of the API: strict on input, records written in declaration order. */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .build();
    }

    /**
     * The value a write carries: exactly one of {@code "value"} (UTF-8 text) and
     * {@code "valueBase64"} (raw bytes), else 400 saying so.
     */
    static byte[] value(ObjectNode body) {
        Optional<String> text = text(body, "value");
        Optional<String> base64 = text(body, "valueBase64");
        if (text.isPresent() == base64.isPresent()) {
            throw new BadRequestResponse("give exactly one of \"value\" (UTF-8 text) and \"valueBase64\"");
        }
        if (text.isPresent()) {
            return text.get().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(base64.get());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("\"valueBase64\" is not valid base64: " + e.getMessage());
        }
    }

    /** The body as a JSON object with only {@code allowed} fields; a missing body counts as {@code {}} if {@code emptyOk}. */
    ObjectNode object(Context ctx, Set<String> allowed, boolean emptyOk) {
        return object(ctx.bodyAsBytes(), allowed, emptyOk);
    }

    /** As {@link #object(Context, Set, boolean)}, for a body already read. */
    ObjectNode object(byte[] body, Set<String> allowed, boolean emptyOk) {
        if (body.length == 0 && emptyOk) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("bad JSON: " + describe(e));
        } catch (IOException e) {
            throw new BadRequestResponse("bad JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new BadRequestResponse("bad JSON: the body is empty; expected an object with " + new TreeSet<>(allowed));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new BadRequestResponse("bad JSON: expected an object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadRequestResponse("unknown field(s) " + unknown + "; expected " + new TreeSet<>(allowed));
        }
        return object;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    static Optional<String> text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadRequestResponse("\"" + field + "\" must be a string");
        }
        return Optional.of(value.textValue());
    }

    static Optional<Long> wholeNumber(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new BadRequestResponse("\"" + field + "\" must be a whole number");
        }
        return Optional.of(value.longValue());
    }

    static List<String> texts(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw new BadRequestResponse("\"" + field + "\" must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new BadRequestResponse("\"" + field + "\" must be an array of strings");
            }
            list.add(item.textValue());
        }
        return List.copyOf(list);
    }
}
