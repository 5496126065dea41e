package io.grapevine.agent.client;

import picocli.CommandLine.Command;

/**
 * {@code grapevine leave}: the agent leaves the cluster gracefully ({@code POST /v1/leave}),
 * so the others see it left, not failed; answers once the leave spread. The agent process
 * keeps running (stop it with SIGTERM, which would also have left).
 */
@Command(name = "leave", mixinStandardHelpOptions = true,
        description = "Tells the agent to leave the cluster gracefully (the process keeps running).")
public final class LeaveCommand extends ClientCommand {
    @Override
    protected int run(AgentClient client) {
        client.postJson("/v1/leave", java.util.Map.of());
        out().println("Graceful leave complete: the agent at " + client.address()
                + " has left the cluster (its process keeps running)");
        return 0;
    }
}
