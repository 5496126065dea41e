package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code grapevine join ADDR...}: asks the agent to join the cluster through these members
 * ({@code POST /v1/join}); answers once one of them answered, with the live members the agent
 * then knows. A DNS name stands for all its addresses.
 */
@Command(name = "join", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Tells the agent to join a cluster through one or more of its members.")
public final class JoinCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "ADDR", description = "A member's gossip address, HOST:PORT.")
    private List<String> seeds;

    @Override
    protected int run(AgentClient client) {
        JsonNode answer = client.postJson("/v1/join", Map.of("seeds", seeds));
        out().println("Joined the cluster through " + String.join(", ", seeds) + ": "
                + answer.path("liveMembers").asInt() + " live members");
        return 0;
    }
}
