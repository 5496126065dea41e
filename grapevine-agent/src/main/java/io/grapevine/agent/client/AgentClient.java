package io.grapevine.agent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.core.base.Address;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests to one agent's HTTP API ({@code http://HOST:PORT}, with the bearer token when one
 * is given), answers parsed as JSON. Every failure becomes a {@link ClientException} whose
 * message is the line the user sees:
 * <ul>
 *   <li>nothing listening: {@code no agent at HOST:PORT (connection refused); is `grapevine agent`
 *       running? (--http-addr)};</li>
 *   <li>401: the agent's message and where the token comes from;</li>
 *   <li>any other error status: the API's {@code {"error": ...}} message, or the status and
 *       the start of the body when the answer is not the API's JSON (another server).</li>
 * </ul>
 * Not thread-safe for streams; one client serves one command.
 */
public final class AgentClient {
    /** How long to wait for the TCP connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest a request may take: past the agent's join timeout (60 s) and reachability's 10 s. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    private static final int SHOWN_BODY_CHARS = 200;

    private final Address address;
    private final Optional<String> token;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * A client of the agent at {@code address}.
     *
     * @param address the agent's {@code --http-addr}
     * @param token the bearer token, or empty for none
     */
    public AgentClient(Address address, Optional<String> token) {
        this.address = address;
        this.token = token;
        // HTTP/1.1: the API is plain HTTP/1.1, and its event streams are long responses
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** The agent's address, as the user gave it. */
    Address address() {
        return address;
    }

    /** The mapper answers are parsed with, for printing them as JSON. */
    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * {@code GET path}.
     *
     * @param path the path and query, already encoded ({@link Urls})
     * @return the answer's JSON
     * @throws ClientException on any failure, as the class says
     */
    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    /** {@code POST path} with {@code body} as JSON; see {@link #get}. */
    public JsonNode postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** {@code POST path} with raw {@code body} bytes; see {@link #get}. */
    public JsonNode postBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code PUT path} with {@code body} as JSON; see {@link #get}. */
    public JsonNode putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** {@code DELETE path}; see {@link #get}. */
    public JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Opens a Server-Sent Events stream and waits until the agent answered 200.
     *
     * @param path the path and query, already encoded
     * @param lastEventId resume after this id ({@code Last-Event-ID}), or -1 for live events only
     * @return the open stream; close it when done
     * @throws ClientException if the agent cannot be reached or refuses the stream
     */
    SseStream stream(String path, long lastEventId) {
        HttpRequest.Builder request = base(path).header("Accept", "text/event-stream").GET();
        if (lastEventId >= 0) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return SseStream.open(http, request.build(), this);
    }

    private HttpRequest.Builder request(String path) {
        return base(path).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private URI uri(String path) {
        return URI.create("http://" + address + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for the agent at " + address, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refused(response.statusCode(), response.body());
        }
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ClientException("the answer from " + address + " is not JSON (is it a Grapevine agent?): "
                    + shown(response.body()), e);
        }
    }

    /** The user's line for a request that never got an answer. */
    ClientException unreachable(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ClientException("no answer from " + address + " within " + CONNECT_TIMEOUT.toSeconds()
                    + " s; is `grapevine agent` running there? (--http-addr)", e);
        }
        if (e instanceof ConnectException) {
            if (causedBy(e, UnresolvedAddressException.class)) {
                return new ClientException("cannot resolve the host of " + address + " (--http-addr)", e);
            }
            return new ClientException("no agent at " + address
                    + " (connection refused); is `grapevine agent` running? (--http-addr)", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ClientException("the agent at " + address + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        }
        return new ClientException("cannot talk to the agent at " + address + ": " + describe(e), e);
    }

    /** The user's line for an error status with {@code body}. */
    ClientException refused(int status, String body) {
        Optional<String> message = errorMessage(body);
        if (status == 401) {
            return new ClientException(message.orElse("the agent wants a bearer token (401)")
                    + " (the agent's token goes in --http-token or $" + ClientOptions.TOKEN_ENV + ")");
        }
        return new ClientException(message.orElseGet(() -> "HTTP " + status + " from " + address
                + " (is it a Grapevine agent?): " + shown(body)));
    }

    private Optional<String> errorMessage(String body) {
        try {
            JsonNode error = mapper.readTree(body).path("error");
            return error.isTextual() && !error.textValue().isBlank() ? Optional.of(error.textValue())
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String shown(String body) {
        String line = body.strip().lines().findFirst().orElse("(empty)");
        return line.length() <= SHOWN_BODY_CHARS ? line : line.substring(0, SHOWN_BODY_CHARS) + "...";
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body did not serialize: a bug in the client", e);
        }
    }
}
