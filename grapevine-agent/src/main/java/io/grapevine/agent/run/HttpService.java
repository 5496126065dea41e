package io.grapevine.agent.run;

import io.grapevine.agent.handler.EventHandlers;
import io.grapevine.agent.http.HttpApi;
import io.grapevine.agent.http.HttpSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's HTTP API (JSON, SSE events, health, Prometheus metrics) as a service, on
 * {@code --http-addr} with {@code --http-token} and {@code --http-protect-reads}. Started last
 * and closed first, so it answers only while everything else runs. Its metrics include the event
 * handlers' counters when the agent runs handlers. Started and closed from the agent's thread.
 */
public final class HttpService implements AgentService {
    private final EventHandlerService handlers;
    private HttpApi api;

    /** An HTTP service that also exports {@code handlers}' counters once they run. */
    public HttpService(EventHandlerService handlers) {
        this.handlers = handlers;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void start(AgentContext context) {
        HttpSettings settings = HttpSettings.defaults()
                .withHost(context.config().httpAddr().host())
                .withPort(context.config().httpAddr().port())
                .withBearerToken(context.config().httpToken())
                .withProtectReads(context.config().httpProtectReads());
        List<MeterBinder> binders = new ArrayList<>();
        handlers.handlers().ifPresent(running -> binders.add(registry -> bindHandlers(running, registry)));
        api = HttpApi.start(context.cluster(), settings, binders);
        if (Rehearsal.enabled()) {
            api.rehearseEvents();
            Rehearsal.api(settings.host(), api.port(), settings.token());
        }
    }

    private static void bindHandlers(EventHandlers running, io.micrometer.core.instrument.MeterRegistry registry) {
        FunctionCounter.builder("handler.runs", running, EventHandlers::runs)
                .description("event handler scripts that finished").register(registry);
        FunctionCounter.builder("handler.failures", running, EventHandlers::failures)
                .description("event handler scripts that exited non-zero or could not start").register(registry);
        FunctionCounter.builder("handler.timeouts", running, EventHandlers::timeouts)
                .description("event handler scripts killed at the timeout").register(registry);
        FunctionCounter.builder("handler.dropped", running, EventHandlers::dropped)
                .description("events dropped because the handler queue was full").register(registry);
        Gauge.builder("handler.queue.depth", running, EventHandlers::queueDepth)
                .description("events waiting for a handler").register(registry);
    }

    @Override
    public Map<String, String> banner() {
        return api == null ? Map.of() : Map.of("http", api.address());
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }
}
