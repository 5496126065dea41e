package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code grapevine force-leave NAME}: Serf's force-leave. A member the agent holds as failed
 * becomes left and the news spreads ({@code POST /v1/force-leave/NAME}); a live member is
 * refused (409), an unknown one is 404.
 */
@Command(name = "force-leave", mixinStandardHelpOptions = true,
        description = "Marks a failed member as left, so the cluster stops trying to reach it.")
public final class ForceLeaveCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "The failed member's name.")
    private String name;

    @Override
    protected int run(AgentClient client) {
        JsonNode answer = client.postJson("/v1/force-leave/" + Urls.segment(name), java.util.Map.of());
        out().println(answer.path("result").asText().equals("already_left") ? name + " had already left"
                : name + " is now left");
        return 0;
    }
}
