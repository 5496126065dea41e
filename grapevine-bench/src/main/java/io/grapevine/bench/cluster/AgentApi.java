package io.grapevine.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Requests to one agent's HTTP API (docs/http-api.md) over a client shared by the cluster.
 * Writes are asynchronous, so that issuing one (the start of a measured interval) never waits for
 * the agent's answer: a join answers once the seed did, a leave once it has spread. Any status
 * but 2xx fails the future with the method, path, status and the agent's error message.
 */
final class AgentApi {
    /** Longest wait for an answer: a join may retry seeds for up to 60 s, a leave waits for its spread. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;

    /**
     * @param client the shared client
     * @param httpAddress the agent's {@code HOST:PORT}, from its banner
     */
    AgentApi(HttpClient client, String httpAddress) {
        this.client = client;
        this.base = "http://" + httpAddress;
    }

    /** {@code http://HOST:PORT}. */
    String base() {
        return base;
    }

    /** {@code POST path} with {@code body}. */
    CompletableFuture<String> post(String path, String body) {
        return send("POST", path, body);
    }

    /** {@code PUT path} with {@code body}. */
    CompletableFuture<String> put(String path, String body) {
        return send("PUT", path, body);
    }

    /** {@code GET path}, parsed; waits at most {@link #REQUEST_TIMEOUT}. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(checked("GET", path, response));
    }

    /** {@code {"value": value}}, the body of {@code PUT /v1/kv/KEY}. */
    static String valueBody(String value) {
        return JSON.createObjectNode().put("value", value).toString();
    }

    /** {@code {"seeds": [seed]}}, the body of {@code POST /v1/join}. */
    static String seedsBody(String seed) {
        return JSON.createObjectNode().set("seeds", JSON.createArrayNode().add(seed)).toString();
    }

    /** A path segment, percent-encoded. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CompletableFuture<String> send(String method, String path, String body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> checked(method, path, response));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private String checked(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + base + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
