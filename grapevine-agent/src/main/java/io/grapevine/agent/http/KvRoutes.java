package io.grapevine.agent.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.net.Cluster;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replicated key-value state: {@code PUT /v1/kv/{key}} writes this node's key,
 * {@code DELETE /v1/kv/{key}} deletes it (404 if it held none), {@code GET /v1/kv?node=N} lists
 * a node's live keys as {@code key → UTF-8 value} (the runtime's {@code grapevine.} keys only
 * with {@code ?all=true}), {@code GET /v1/kv/{key}?node=N} reads one (404 for an unknown node
 * or key). {@code node} defaults to this node. Keys may contain {@code /}.
 */
final class KvRoutes {
    /** Ten years: far past any sensible TTL, far below a Duration's nanosecond overflow. */
    static final long MAX_TTL_SECONDS = 10L * 365 * 24 * 3600;
    private static final Set<String> PUT_FIELDS = Set.of("value", "valueBase64", "priority", "ttlSeconds");

    private final Cluster cluster;
    private final JsonBodies bodies;

    KvRoutes(Cluster cluster, JsonBodies bodies) {
        this.cluster = cluster;
        this.bodies = bodies;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/kv", this::list);
        routes.get("/v1/kv/<key>", this::read);
        routes.put("/v1/kv/<key>", this::write);
        routes.delete("/v1/kv/<key>", this::delete);
    }

    private String node(Context ctx) {
        String node = ctx.queryParam("node");
        if (node == null || node.isEmpty()) {
            return cluster.id().name();
        }
        if (cluster.members().stream().noneMatch(m -> m.name().equals(node))) {
            throw new NotFoundResponse("no member named " + node);
        }
        return node;
    }

    private void list(Context ctx) {
        String node = node(ctx);
        boolean all = "true".equals(ctx.queryParam("all"));
        Map<String, String> values = new TreeMap<>();
        cluster.entries(node).forEach((key, value) -> {
            if (all || !key.startsWith(Cluster.RESERVED_KEY_PREFIX)) {
                values.put(key, JsonViews.text(value));
            }
        });
        ctx.json(values);
    }

    private void read(Context ctx) {
        String node = node(ctx);
        String key = ctx.pathParam("key");
        Bytes value = cluster.get(node, key)
                .orElseThrow(() -> new NotFoundResponse(node + " holds no key " + key));
        ctx.json(JsonViews.keyValue(node, key, value));
    }

    private void write(Context ctx) {
        String key = ctx.pathParam("key");
        ObjectNode body = bodies.object(ctx, PUT_FIELDS, false);
        byte[] value = JsonBodies.value(body);
        KeyPriority priority = JsonBodies.text(body, "priority").map(KvRoutes::priority).orElse(KeyPriority.CONTROL);
        long ttlSeconds = JsonBodies.wholeNumber(body, "ttlSeconds").orElse(0L);
        if (ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
            throw new BadRequestResponse("ttlSeconds must be in 0.." + MAX_TTL_SECONDS + " (0: none), was " + ttlSeconds);
        }
        // a reserved key or a limit is refused by the cluster: IllegalArgumentException, 400
        ctx.future(() -> cluster.put(key, value, priority, Duration.ofSeconds(ttlSeconds))
                .thenAccept(change -> ctx.json(JsonViews.keyChange(change))));
    }

    private static KeyPriority priority(String text) {
        try {
            return KeyPriority.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("priority must be one of " + Arrays.stream(KeyPriority.values())
                    .map(JsonViews::lower).toList() + ", was \"" + text + "\"");
        }
    }

    private void delete(Context ctx) {
        String key = ctx.pathParam("key");
        String self = cluster.id().name();
        ctx.future(() -> cluster.delete(key).thenAccept(change -> ctx.json(JsonViews.keyChange(
                change.orElseThrow(() -> new NotFoundResponse(self + " holds no key " + key))))));
    }
}
