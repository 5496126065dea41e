package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code grapevine event NAME [PAYLOAD]}: fires a user event to every member
 * ({@code POST /v1/event/NAME}, the payload as UTF-8 bytes; at most the core's
 * {@code maxEventPayloadBytes}, 512 by default, else the agent's 400 message).
 */
@Command(name = "event", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sends a user event to every member (Serf's user events).")
public final class EventCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The event's name.")
    private String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PAYLOAD", description = "Its payload. Default: empty.")
    private String payload = "";

    @Override
    protected int run(AgentClient client) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        JsonNode event = client.postBytes("/v1/event/" + Urls.path(name), bytes);
        out().println("Event '" + event.path("name").asText() + "' dispatched (" + bytes.length
                + " bytes, lamport time " + event.path("lamportTime").asLong() + ")");
        return 0;
    }
}
