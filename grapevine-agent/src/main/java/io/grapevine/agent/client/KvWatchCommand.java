package io.grapevine.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grapevine kv watch [KEY]}: follows the agent's {@code key-changed} events
 * ({@code GET /v1/events}) and prints each change, of any node's keys, as
 * {@code TIME NODE KEY = VALUE (version V)} or {@code TIME NODE KEY deleted (version V)}; with
 * {@code KEY}, only that key's. Runs until Ctrl-C or {@code --duration}. If the agent cuts it
 * off for reading too slowly, it reconnects and resumes where it was; if events were lost
 * meanwhile it says so on stderr.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints every change of the replicated keys as it happens, until Ctrl-C.")
public final class KvWatchCommand extends ClientCommand {
    @Parameters(arity = "0..1", paramLabel = "KEY", description = "Only this key's changes. Default: every key.")
    private String key;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (30s, 10m). Default: until Ctrl-C.")
    private Duration duration;

    @Override
    protected int run(AgentClient client) {
        Clock clock = Clock.systemDefaultZone();
        return new StreamFollower(client, err()).follow("/v1/events", key == null ? "key changes"
                : "changes of " + key, Optional.ofNullable(duration), event -> onEvent(client, clock, event));
    }

    private boolean onEvent(AgentClient client, Clock clock, SseStream.Event event) {
        switch (event.type()) {
            case "key-changed" -> {
                JsonNode change = parse(client, event);
                if (key == null || key.equals(change.path("key").asText())) {
                    String what = change.path("deleted").asBoolean() ? " deleted"
                            : " = " + change.path("value").asText();
                    out().println(Times.at(clock.millis(), clock.getZone()) + " " + change.path("node").asText() + " "
                            + change.path("key").asText() + what + " (version " + change.path("version").asLong()
                            + ")");
                    out().flush();
                }
                return false;
            }
            case "gap" -> {
                err().println("Some events were lost before this reconnection: re-read the keys with "
                        + "'grapevine kv list'");
                err().flush();
                return false;
            }
            case "overflow" -> {
                return true; // cut off for reading slowly: reconnect and resume
            }
            default -> {
                return false; // membership and user events: not ours
            }
        }
    }

    private static JsonNode parse(AgentClient client, SseStream.Event event) {
        try {
            return client.mapper().readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new ClientException("the agent sent an event that is not JSON: " + event.data(), e);
        }
    }
}
