package io.grapevine.agent.run;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.net.Cluster;

/**
 * What an {@link AgentService} gets at start.
 *
 * @param config the agent's configuration ({@link AgentConfig#httpAddr()}, {@link AgentConfig#eventHandlers()}, ...)
 * @param cluster the running node: members, state, events, join, leave, keyring
 * @param shutdown asks the agent to leave gracefully and stop, as SIGTERM does; returns at once (the
 *                 stop runs on a thread of its own, so a service may call it from its own threads)
 */
public record AgentContext(AgentConfig config, Cluster cluster, Runnable shutdown) {
    /** Checks that every part is present. */
    public AgentContext {
        if (config == null || cluster == null || shutdown == null) {
            throw new IllegalArgumentException("config, cluster and shutdown must not be null");
        }
    }
}
