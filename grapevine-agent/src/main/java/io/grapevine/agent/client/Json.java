package io.grapevine.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Prints the agent's JSON answers for {@code --format json}: indented, one document. */
final class Json {
    private Json() {
    }

    /** Writes {@code answer} to {@code out}, indented, with a final newline. */
    static void print(PrintWriter out, AgentClient client, JsonNode answer) {
        try {
            out.println(client.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed answer did not serialize again: a Jackson bug", e);
        }
    }
}
