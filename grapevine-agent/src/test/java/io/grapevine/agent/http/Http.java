package io.grapevine.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small java.net.http client for one API: every call has a timeout, answers are kept whole. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String[] headers;

    private Http(String base, String... headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A client of {@code api}. */
    static Http of(HttpApi api) {
        return new Http("http://127.0.0.1:" + api.port());
    }

    /** The same client, sending {@code name: value} with every request. */
    Http with(String name, String value) {
        String[] more = java.util.Arrays.copyOf(headers, headers.length + 2);
        more[headers.length] = name;
        more[headers.length + 1] = value;
        return new Http(base, more);
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    String base() {
        return base;
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body body as text
     * @param headers response headers
     */
    record Response(int status, String body, HttpHeaders headers) {
        /** The body parsed as JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        /** The {@code error} message of an error answer. */
        String error() {
            return json().path("error").asText();
        }
    }

    Response get(String path) {
        return send("GET", path, new byte[0]);
    }

    Response post(String path, String body) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    Response put(String path, String body) {
        return send("PUT", path, body.getBytes(StandardCharsets.UTF_8));
    }

    Response delete(String path) {
        return send("DELETE", path, new byte[0]);
    }

    Response send(String method, String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JSON text of {@code value}, for request bodies. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
