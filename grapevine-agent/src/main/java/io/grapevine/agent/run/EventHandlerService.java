package io.grapevine.agent.run;

import io.grapevine.agent.handler.EventHandlers;
import io.grapevine.agent.handler.HandlerSpec;
import java.util.List;
import java.util.Optional;

/**
 * The agent's {@code --event-handler} scripts as a service: the runner listens to the node's
 * events from before the join, so it sees every member event. Its counters are read by the
 * HTTP API's metrics ({@link #handlers()}). Started and closed from the agent's thread.
 */
public final class EventHandlerService implements AgentService {
    private EventHandlers handlers;

    @Override
    public String name() {
        return "event-handlers";
    }

    @Override
    public void start(AgentContext context) {
        List<HandlerSpec> specs = context.config().eventHandlers().stream().map(HandlerSpec::parse).toList();
        handlers = new EventHandlers(specs, context.config().nodeName());
        context.cluster().addListener(handlers::onEvent);
    }

    /** The running handlers, once started (for metrics). */
    public Optional<EventHandlers> handlers() {
        return Optional.ofNullable(handlers);
    }

    @Override
    public void close() {
        if (handlers != null) {
            handlers.close();
        }
    }
}
