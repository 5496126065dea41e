package io.grapevine.agent.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grapevine.net.Cluster;
import io.grapevine.net.Keyring;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The keyring, Serf's {@code keys} command: {@code GET /v1/keys} (this node's key
 * fingerprints and what every live member reports) and {@code POST /v1/keys/install|use|remove}
 * with {@code {"key": BASE64}} (a 32-byte AES key). Bad base64 or a wrong length, using a key
 * not installed or removing the primary: 400 with the keyring's message. A plaintext node has
 * no keyring: 409. Keys themselves are never answered, only fingerprints.
 */
final class KeysRoutes {
    private static final Set<String> FIELDS = Set.of("key");

    private final Cluster cluster;
    private final JsonBodies bodies;

    KeysRoutes(Cluster cluster, JsonBodies bodies) {
        this.cluster = cluster;
        this.bodies = bodies;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/keys", ctx -> ctx.json(view(keyring())));
        routes.post("/v1/keys/install", ctx -> change(ctx, Keyring::install));
        routes.post("/v1/keys/use", ctx -> change(ctx, Keyring::use));
        routes.post("/v1/keys/remove", ctx -> change(ctx, Keyring::remove));
    }

    private Keyring keyring() {
        return cluster.keyring().orElseThrow(() -> new ConflictResponse(
                "this node runs in plaintext: it has no keyring (start it with an encryption key)"));
    }

    private void change(Context ctx, BiConsumer<Keyring, byte[]> operation) {
        Keyring keyring = keyring();
        ObjectNode body = bodies.object(ctx, FIELDS, false);
        String text = JsonBodies.text(body, "key")
                .orElseThrow(() -> new BadRequestResponse("\"key\" (a base64 32-byte key) is required"));
        // Keyring.decode and the operation refuse bad keys with IllegalArgumentException: 400
        operation.accept(keyring, Keyring.decode(text));
        ctx.json(view(keyring));
    }

    private JsonViews.KeysView view(Keyring keyring) {
        List<String> fingerprints = keyring.fingerprints();
        Map<String, JsonViews.KeyringView> members = new TreeMap<>();
        cluster.keyringStatus().forEach((name, status) -> members.put(name, JsonViews.keyring(status)));
        return new JsonViews.KeysView(fingerprints.get(0), fingerprints, members);
    }
}
