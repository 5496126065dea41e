package io.grapevine.agent.run;

import io.grapevine.agent.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;

/** The services {@code grapevine agent} runs beside its node: the one place they are listed. */
public final class AgentServices {
    private AgentServices() {
    }

    /**
     * The standard services for {@code config}, in start order (closed in reverse).
     *
     * @param config the agent's configuration
     * @return the services, not yet started
     */
    public static List<AgentService> standard(AgentConfig config) {
        List<AgentService> services = new ArrayList<>();
        EventHandlerService handlers = new EventHandlerService();
        if (!config.eventHandlers().isEmpty()) {
            services.add(handlers);
        }
        services.add(new HttpService(handlers));
        // ---- Plug-in point (issue 13): add each service here, in start order. ----
        // 1. the event handler runner (io.grapevine.agent.handler, from config.eventHandlers()): first, so that
        //    it is listening before the node joins and sees every member event;
        // 2. the HTTP API (io.grapevine.agent.http.HttpApi, on config.httpAddr(), config.httpToken()): last, so
        //    that it answers only once everything else runs, and is closed first.
        return List.copyOf(services);
    }
}
