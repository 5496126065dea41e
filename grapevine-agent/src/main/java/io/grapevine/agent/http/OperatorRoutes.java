package io.grapevine.agent.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapevine.core.membership.ForceLeave;
import io.grapevine.net.Cluster;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operator does to the cluster: {@code POST /v1/join} (through seeds; answers once one
 * answered, 504 after the join timeout), {@code POST /v1/leave} (gracefully; answers once the
 * leave spread), {@code POST /v1/force-leave/{name}} (a failed member becomes LEFT: 200, 404 for
 * an unknown one, 409 for a live one) and {@code GET /v1/reachability?waitMillis=N} (pings every
 * member over UDP and TCP and reports who answered on which).
 */
final class OperatorRoutes {
    static final long DEFAULT_WAIT_MILLIS = 500;
    static final long MAX_WAIT_MILLIS = 10_000;
    private static final Set<String> JOIN_FIELDS = Set.of("seeds");

    private final Cluster cluster;
    private final JsonBodies bodies;

    OperatorRoutes(Cluster cluster, JsonBodies bodies) {
        this.cluster = cluster;
        this.bodies = bodies;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/v1/join", this::join);
        routes.post("/v1/leave", this::leave);
        routes.post("/v1/force-leave/{name}", this::forceLeave);
        routes.get("/v1/reachability", this::reachability);
    }

    private void join(Context ctx) {
        ObjectNode body = bodies.object(ctx, JOIN_FIELDS, false);
        List<String> seeds = JsonBodies.texts(body, "seeds");
        if (seeds.isEmpty()) {
            throw new BadRequestResponse("\"seeds\" must name at least one HOST:PORT");
        }
        // a malformed seed fails the future with IllegalArgumentException naming it: 400
        ctx.future(() -> cluster.join(seeds).thenAccept(live -> ctx.json(Map.of("liveMembers", live))));
    }

    private void leave(Context ctx) {
        ctx.future(() -> cluster.leave().thenAccept(done -> ctx.json(Map.of("left", true))));
    }

    private void forceLeave(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.future(() -> cluster.forceLeave(name).thenAccept(result -> ctx.json(Map.of("result", answer(name, result)))));
    }

    private static String answer(String name, ForceLeave result) {
        return switch (result) {
            case LEFT, ALREADY_LEFT -> JsonViews.lower(result);
            case UNKNOWN_MEMBER -> throw new NotFoundResponse("no member named " + name + " (or it is this node)");
            case NOT_FAILED -> throw new ConflictResponse(name + " is alive or suspect: only a failed member can be "
                    + "forced to leave");
        };
    }

    private void reachability(Context ctx) {
        long waitMillis = waitMillis(ctx.queryParam("waitMillis"));
        ctx.future(() -> cluster.reachability(Duration.ofMillis(waitMillis))
                .thenAccept(list -> ctx.json(list.stream().map(JsonViews::reachability).toList())));
    }

    private static long waitMillis(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_WAIT_MILLIS;
        }
        try {
            long millis = Long.parseLong(text);
            if (millis >= 1 && millis <= MAX_WAIT_MILLIS) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse("waitMillis must be a whole number in 1.." + MAX_WAIT_MILLIS + ", was \""
                + text + "\"");
    }
}
