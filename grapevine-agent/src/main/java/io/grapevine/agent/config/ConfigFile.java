package io.grapevine.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.grapevine.agent.config.AgentSettings.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an agent config file ({@code --config FILE}): a JSON object, or a YAML mapping, whose keys
 * are the flag names without the dashes. A file ending in {@code .json} is read as JSON, any other
 * as YAML (which also reads most JSON). Text values are strings, {@code plaintext}, {@code log-json},
 * {@code http-protect-reads} and {@code quorum-failure-detection} booleans, {@code join} and {@code event-handler} lists of strings (one string is
 * a list of one), {@code tag} a mapping of key to scalar value, {@code proof-first-acks} a number
 * (read as text and checked by {@link AgentConfig}); null is the same as absent.
 *
 * <p>Bad input is a one-line {@link IllegalArgumentException} that names the file and the key:
 * a missing or unreadable file, a file over {@value #MAX_BYTES} bytes, a syntax error (with its
 * line and column), an unknown key (with the known ones), a value of the wrong type. Values
 * themselves are checked later, by {@link AgentConfig}.
 */
public final class ConfigFile {
    /** The largest config file read; an agent config is a few hundred bytes. */
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private ConfigFile() {
    }

    /**
     * Reads {@code file}.
     *
     * @param file the config file
     * @return the settings it gives, each with origin {@code --config FILE}
     * @throws IllegalArgumentException one line naming the file, and the key when one is at fault
     */
    public static AgentSettings read(Path file) {
        String origin = "--config " + file;
        JsonNode root = parse(file, origin);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return AgentSettings.empty(); // an empty file sets nothing
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(origin + ": must be a JSON object or YAML mapping of setting to value,"
                    + " was " + kind(root));
        }
        AgentSettings settings = AgentSettings.empty();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            Key key = Key.ofName(field.getKey()).orElseThrow(() -> new IllegalArgumentException(origin
                    + ": unknown key '" + field.getKey() + "' (known: " + Arrays.stream(Key.values()).map(Key::key)
                    .collect(Collectors.joining(", ")) + ")"));
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            settings = settings.with(key, value(key, value, origin), origin);
        }
        return settings;
    }

    private static JsonNode parse(Path file, String origin) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(origin + ": is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(origin + ": is " + size + " bytes, more than " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(origin + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot read: " + e);
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            return (json ? JSON : YAML).readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = Optional.ofNullable(e.getLocation())
                    .map(l -> " at line " + l.getLineNr() + ", column " + l.getColumnNr()).orElse("");
            throw new IllegalArgumentException(origin + ": not valid " + (json ? "JSON" : "YAML") + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot read: " + e);
        }
    }

    private static Object value(Key key, JsonNode value, String origin) {
        String where = origin + ": '" + key.key() + "' ";
        switch (key) {
            case PLAINTEXT, LOG_JSON, HTTP_PROTECT_READS, QUORUM_FAILURE_DETECTION -> {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException(where + "must be true or false, was " + kind(value));
                }
                return value.booleanValue();
            }
            case JOIN, EVENT_HANDLER -> {
                List<String> list = new ArrayList<>();
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        if (!item.isTextual()) {
                            throw new IllegalArgumentException(where + "must be a list of strings, has " + kind(item));
                        }
                        list.add(item.textValue());
                    }
                } else if (value.isTextual()) {
                    list.add(value.textValue());
                } else {
                    throw new IllegalArgumentException(where + "must be a list of strings, was " + kind(value));
                }
                return list;
            }
            case TAG -> {
                if (!value.isObject()) {
                    throw new IllegalArgumentException(where + "must be a mapping of key to value, was " + kind(value));
                }
                Map<String, String> tags = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> tag : value.properties()) {
                    if (!tag.getValue().isValueNode() || tag.getValue().isNull()) {
                        throw new IllegalArgumentException(where + "value of " + tag.getKey()
                                + " must be a string, number or boolean, was " + kind(tag.getValue()));
                    }
                    tags.put(tag.getKey(), tag.getValue().asText());
                }
                return tags;
            }
            default -> {
                // a port-like number or a bare word YAML typed (e.g. "profile: lan") is still text
                if (!value.isValueNode()) {
                    throw new IllegalArgumentException(where + "must be a string, was " + kind(value));
                }
                if (value.isBoolean()) {
                    throw new IllegalArgumentException(where + "must be a string, was a boolean (quote it)");
                }
                return value.asText();
            }
        }
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isNull()) {
            return "null";
        }
        return "a string";
    }
}
