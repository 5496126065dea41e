package io.grapevine.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine monitor}: streams the agent's log ({@code GET /v1/monitor?level=L}), Serf's
 * {@code monitor}, each line as the agent writes its own text log:
 * {@code TIME LEVEL LOGGER: MESSAGE}, then the stack trace if one was logged. Lines below the
 * agent's own {@code --log-level} are never produced, which the command says on stderr; lines
 * the agent had to drop because this terminal read too slowly are counted on stderr. Runs until
 * Ctrl-C or {@code --duration}.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Streams the agent's log until Ctrl-C.")
public final class MonitorCommand extends ClientCommand {
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    @Option(names = "--level", paramLabel = "LEVEL", converter = Choice.LogLevel.class,
            completionCandidates = Choice.LogLevel.class,
            description = "Lowest level shown: ${COMPLETION-CANDIDATES}. Default: info.")
    private String level = "info";

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (30s, 10m). Default: until Ctrl-C.")
    private Duration duration;

    @Override
    protected int run(AgentClient client) {
        ZoneId zone = ZoneId.systemDefault();
        return new StreamFollower(client, err()).follow("/v1/monitor" + Urls.query(true, "level", level),
                "the log", Optional.ofNullable(duration), event -> {
                    JsonNode data = parse(client, event);
                    switch (event.type()) {
                        case "log" -> print(data, zone);
                        case "started" -> warnIfNotProduced(data.path("agentLevel").asText());
                        case "dropped" -> {
                            err().println("(" + data.path("dropped").asLong() + " log lines dropped: this terminal "
                                    + "read too slowly)");
                            err().flush();
                        }
                        default -> {
                            // a newer agent's event this client does not know: skipped
                        }
                    }
                    return false;
                });
    }

    private void print(JsonNode line, ZoneId zone) {
        String logger = line.path("logger").asText();
        out().println(Times.at(line.path("timestamp").asLong(), zone) + " "
                + String.format(Locale.ROOT, "%-5s", line.path("level").asText().toUpperCase(Locale.ROOT)) + " "
                + logger.substring(logger.lastIndexOf('.') + 1) + ": " + line.path("message").asText());
        String thrown = line.path("throwable").asText();
        if (!thrown.isEmpty()) {
            out().print(thrown.endsWith("\n") ? thrown : thrown + "\n");
        }
        out().flush();
    }

    private void warnIfNotProduced(String agentLevel) {
        if (LEVELS.indexOf(agentLevel) > LEVELS.indexOf(level)) {
            err().println("The agent logs at " + agentLevel + ": its " + level + " lines are not produced "
                    + "(start it with --log-level " + level + " to see them)");
            err().flush();
        }
    }

    private static JsonNode parse(AgentClient client, SseStream.Event event) {
        try {
            return client.mapper().readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new ClientException("the agent sent a log event that is not JSON: " + event.data(), e);
        }
    }
}
