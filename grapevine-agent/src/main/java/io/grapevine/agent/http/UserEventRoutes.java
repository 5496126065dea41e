package io.grapevine.agent.http;

import io.grapevine.net.Cluster;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /v1/event/{name}}: fires a user event to every member with the raw request
 * body as its payload, and answers with the event as delivered here. A payload over the core's
 * {@code maxEventPayloadBytes} is a 400 with the core's message; a body over
 * {@link HttpSettings#maxBodyBytes()} a 413.
 */
final class UserEventRoutes {
    private final Cluster cluster;

    UserEventRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/v1/event/<name>", this::fire);
    }

    private void fire(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] payload = ctx.bodyAsBytes();
        ctx.future(() -> cluster.broadcast(name, payload).thenAccept(event -> ctx.json(JsonViews.event(event))));
    }
}
