package io.grapevine.agent.http;

import io.grapevine.core.base.Bytes;
import io.grapevine.net.Cluster;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shared keyspace (docs/SHARED-KEYSPACE.md): maps whose keys any node writes, placed on
 * the ring and held by {@code rf} replicas. {@code PUT /v1/shared/{map}/{key}} with
 * {@code {"value": ...}} (or {@code "valueBase64"}) writes, {@code DELETE} deletes,
 * {@code GET /v1/shared/{map}/{key}} reads from a replica (404 when absent), and
 * {@code GET /v1/shared/{map}?prefix=P} scans. Each call completes when {@code w} (writes) or
 * {@code r} (reads) replicas answered; too few in time is 504, a coordinator at its limit of
 * pending operations 503 (see {@link ErrorMapping}). Keys may contain {@code /}.
 */
final class SharedRoutes {
    private static final Set<String> PUT_FIELDS = Set.of("value", "valueBase64");

    private final Cluster cluster;
    private final JsonBodies bodies;

    SharedRoutes(Cluster cluster, JsonBodies bodies) {
        this.cluster = cluster;
        this.bodies = bodies;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/shared/{map}", this::scan);
        routes.get("/v1/shared/{map}/<key>", this::read);
        routes.put("/v1/shared/{map}/<key>", this::write);
        routes.delete("/v1/shared/{map}/<key>", this::delete);
    }

    private void scan(Context ctx) {
        String map = ctx.pathParam("map");
        String prefix = ctx.queryParam("prefix") == null ? "" : ctx.queryParam("prefix");
        ctx.future(() -> cluster.sharedMap(map).scan(prefix).thenAccept(entries -> {
            Map<String, String> values = new LinkedHashMap<>();
            entries.forEach((key, value) -> values.put(key, JsonViews.text(value)));
            ctx.json(values);
        }));
    }

    private void read(Context ctx) {
        String map = ctx.pathParam("map");
        String key = ctx.pathParam("key");
        ctx.future(() -> cluster.sharedMap(map).get(key).thenAccept(value -> ctx.json(view(map, key,
                value.orElseThrow(() -> new NotFoundResponse("shared map " + map + " holds no key " + key))))));
    }

    private void write(Context ctx) {
        String map = ctx.pathParam("map");
        String key = ctx.pathParam("key");
        byte[] value = JsonBodies.value(bodies.object(ctx, PUT_FIELDS, false));
        ctx.future(() -> cluster.sharedMap(map).put(key, value)
                .thenAccept(acks -> ctx.json(Map.of("map", map, "key", key, "acks", acks))));
    }

    private void delete(Context ctx) {
        String map = ctx.pathParam("map");
        String key = ctx.pathParam("key");
        ctx.future(() -> cluster.sharedMap(map).delete(key)
                .thenAccept(acks -> ctx.json(Map.of("map", map, "key", key, "deleted", true, "acks", acks))));
    }

    private static Map<String, Object> view(String map, String key, Bytes value) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("map", map);
        view.put("key", key);
        view.put("value", JsonViews.text(value));
        view.put("valueBase64", Base64.getEncoder().encodeToString(value.toArray()));
        return view;
    }
}
