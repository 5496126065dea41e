package io.grapevine.agent.run;

import java.util.Map;

/**
 * A part of the agent process that runs beside the node: the HTTP API, the event handler runner.
 * {@link Agent#start} starts the services in list order once the node is bound and its tags are
 * written, before it joins (so a service sees every join event); {@link Agent#close} closes them
 * in reverse order after the graceful leave, before the node's sockets close. The list the
 * {@code grapevine agent} command runs is {@link AgentServices#standard}.
 *
 * <p>Each method is called once, from the thread starting or stopping the agent. A service that
 * fails to start throws; the agent then closes the services already started, in reverse, and
 * refuses to start, with the service's message.
 */
public interface AgentService extends AutoCloseable {
    /**
     * A short name for messages and logs.
     *
     * @return e.g. {@code http} or {@code event-handlers}
     */
    String name();

    /**
     * Starts the service; returns once it is ready (its socket bound, its threads running).
     *
     * @param context the configuration, the running node, and a way to ask the agent to stop
     * @throws Exception if it cannot start; the message says why in one line
     */
    void start(AgentContext context) throws Exception;

    /**
     * Key/value pairs the service adds to the startup banner, read after every service started:
     * the HTTP API reports {@code http} with its bound address, which then replaces the configured
     * one (so port 0 shows the real port).
     *
     * @return banner entries, in order; empty by default
     */
    default Map<String, String> banner() {
        return Map.of();
    }

    /**
     * Stops the service and releases what it holds; bounded in time. Throws (unchecked) if it could
     * not stop cleanly; the agent closes the others regardless and reports it.
     */
    @Override
    void close();
}
