package io.grapevine.agent.demo;

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
import java.util.Map;

/**
 * The demo's client of one agent's HTTP API (docs/http-api.md): health, a key write, a user
 * event. Every request has a timeout; thread-safe (the {@link HttpClient} is shared).
 */
final class AgentApi {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String node;
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * What {@code GET /v1/health} said.
     *
     * @param healthy 200: joined, nobody suspected, every peer publishes the same member view
     * @param reason the 503's reason, or why the agent did not answer; empty when healthy
     */
    record Health(boolean healthy, String reason) {
    }

    AgentApi(String node, URI base, HttpClient http, ObjectMapper json) {
        this.node = node;
        this.base = base;
        this.http = http;
        this.json = json;
    }

    /** The agent's node name. */
    String node() {
        return node;
    }

    /** The API's base address, {@code http://HOST:PORT}. */
    URI base() {
        return base;
    }

    /** Asks {@code GET /v1/health}; an agent that does not answer is unhealthy, with the reason. */
    Health health() {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/health")).GET());
            if (response.statusCode() == 200) {
                return new Health(true, "");
            }
            JsonNode body = json.readTree(response.body());
            return new Health(false, body.path("reason").asText(response.body()));
        } catch (IOException e) {
            return new Health(false, "its API does not answer: " + e.getMessage());
        }
    }

    /**
     * {@code PUT /v1/kv/KEY}: writes {@code key = value} into this node's replicated state.
     *
     * @throws DemoFailure if the agent refuses or does not answer
     */
    void put(String key, String value) {
        String body = write(Map.of("value", value));
        expectOk("PUT /v1/kv/" + key, HttpRequest.newBuilder(base.resolve("/v1/kv/" + encode(key)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * {@code POST /v1/event/NAME}: fires a user event with {@code payload} to every member.
     *
     * @throws DemoFailure if the agent refuses or does not answer
     */
    void fireEvent(String name, String payload) {
        expectOk("POST /v1/event/" + name, HttpRequest.newBuilder(base.resolve("/v1/event/" + encode(name)))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    /**
     * {@code GET /v1/members/NAME}: the member's recorded transitions, as this agent holds them.
     *
     * @param member the member's name
     * @return its {@code history} array (oldest first), or an empty array if the agent does not
     *         answer or knows no such member: the history only adds detail to the story
     */
    JsonNode history(String member) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/members/" + encode(member)))
                    .GET());
            return response.statusCode() == 200 ? json.readTree(response.body()).path("history")
                    : json.createArrayNode();
        } catch (IOException e) {
            return json.createArrayNode();
        }
    }

    private void expectOk(String what, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new DemoFailure(node + " refused " + what + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new DemoFailure(node + " did not answer " + what + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
