package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine info}: the agent's identity, addresses, version, member counts and a metrics
 * summary ({@code GET /v1/info}), as {@code serf info} shows its agent: {@code key = value}
 * lines, nested groups indented under {@code group:}; or the API's JSON.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the agent's identity, addresses, version, member counts and metrics.")
public final class InfoCommand extends ClientCommand {
    @Option(names = "--format", paramLabel = "FORMAT", converter = Choice.Format.class,
            completionCandidates = Choice.Format.class,
            description = "text (key = value lines) or json (the API's answer). Default: text.")
    private String format = "text";

    @Override
    protected int run(AgentClient client) {
        JsonNode info = client.get("/v1/info");
        if (format.equals("json")) {
            Json.print(out(), client, info);
        } else {
            print(out(), info, "");
        }
        return 0;
    }

    private static void print(PrintWriter out, JsonNode object, String indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject()) {
                out.println(indent + field.getKey() + ":");
                print(out, field.getValue(), indent + "  ");
            } else {
                out.println(indent + field.getKey() + " = " + field.getValue().asText());
            }
        }
    }
}
