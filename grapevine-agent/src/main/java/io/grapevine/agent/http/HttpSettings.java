package io.grapevine.agent.http;

import java.util.Optional;

/**
 * How the HTTP API listens and what it allows: immutable, validated by the canonical
 * constructor (each message names the field and its value; the token's value is never
 * printed). Start from {@link #defaults()} and change fields with the {@code withX} copiers.
 *
 * @param host address to bind, an IP literal or host name. Default {@code 127.0.0.1}: only
 *             processes on this machine can reach the API. Binding a routable address exposes
 *             every read endpoint to that network, so set a {@code bearerToken} (and
 *             {@code protectReads}) when you do.
 * @param port TCP port, 0..65535. Default 7373 (the agent's {@code --http-addr}); 0 picks a
 *             free port ({@link HttpApi#port()} tells which), for tests.
 * @param bearerToken when non-empty, every write ({@code PUT}, {@code POST}, {@code DELETE})
 *                    needs {@code Authorization: Bearer TOKEN}. Printable ASCII without
 *                    spaces. Default empty: no token. Compared in constant time.
 * @param protectReads whether reads need the token too ({@code GET /v1/health} stays open
 *                     for load balancers and readiness probes). Default false; requires a
 *                     {@code bearerToken}.
 * @param sseBacklog how many recent events {@code /v1/events} keeps for clients that
 *                   reconnect with {@code Last-Event-ID}, 1..1,000,000. Default 1,024. Memory
 *                   grows with it (a few hundred bytes per event); a client away for longer
 *                   than the backlog covers is told it missed events.
 * @param sseClientQueue events queued for one SSE client that reads slower than events arrive,
 *                       1..1,000,000. Default 256. A client whose queue fills is
 *                       disconnected (it may reconnect and resume from the backlog), so a stuck
 *                       reader costs at most this many events of memory.
 * @param maxSseClients SSE clients served at once, 1..10,000; more are refused with 503.
 *                      Default 64. Each holds one thread while connected.
 * @param maxBodyBytes largest request body accepted, 1..64 MiB; larger gets 413. Default
 *                     1 MiB. The core's own limits (key, value and event sizes) are smaller and
 *                     answered with 400 and the core's message.
 */
public record HttpSettings(String host, int port, String bearerToken, boolean protectReads, int sseBacklog,
                           int sseClientQueue, int maxSseClients, int maxBodyBytes) {
    /** The agent's default HTTP port. */
    public static final int DEFAULT_PORT = 7373;
    private static final int MAX_BACKLOG = 1_000_000;
    private static final int MAX_SSE_CLIENTS = 10_000;
    private static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

    /** Validates every field, naming the field and the value it refuses. */
    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host (" + host + ") must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be in 0..65535");
        }
        if (bearerToken == null) {
            throw new IllegalArgumentException("bearerToken must not be null; use \"\" for none");
        }
        if (!bearerToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // never echo a token: it is a secret even when malformed
            throw new IllegalArgumentException("bearerToken must be printable ASCII without spaces "
                    + "(it travels in an HTTP header)");
        }
        if (protectReads && bearerToken.isEmpty()) {
            throw new IllegalArgumentException("protectReads (true) needs a bearerToken");
        }
        if (sseBacklog < 1 || sseBacklog > MAX_BACKLOG) {
            throw new IllegalArgumentException("sseBacklog (" + sseBacklog + ") must be in 1.." + MAX_BACKLOG);
        }
        if (sseClientQueue < 1 || sseClientQueue > MAX_BACKLOG) {
            throw new IllegalArgumentException("sseClientQueue (" + sseClientQueue + ") must be in 1.." + MAX_BACKLOG);
        }
        if (maxSseClients < 1 || maxSseClients > MAX_SSE_CLIENTS) {
            throw new IllegalArgumentException("maxSseClients (" + maxSseClients + ") must be in 1.."
                    + MAX_SSE_CLIENTS);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes (" + maxBodyBytes + ") must be in 1.." + MAX_BODY_LIMIT);
        }
    }

    /** Loopback port 7373, no token, a 1,024-event backlog, 256 queued events per client, 64 clients, 1 MiB bodies. */
    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", DEFAULT_PORT, "", false, 1024, 256, 64, 1024 * 1024);
    }

    /** The token, or empty when none is required. */
    public Optional<String> token() {
        return bearerToken.isEmpty() ? Optional.empty() : Optional.of(bearerToken);
    }

    /** A copy listening on {@code host}. */
    public HttpSettings withHost(String host) {
        return new HttpSettings(host, port, bearerToken, protectReads, sseBacklog, sseClientQueue, maxSseClients,
                maxBodyBytes);
    }

    /** A copy listening on {@code port} (0: any free port). */
    public HttpSettings withPort(int port) {
        return new HttpSettings(host, port, bearerToken, protectReads, sseBacklog, sseClientQueue, maxSseClients,
                maxBodyBytes);
    }

    /** A copy requiring {@code token} for writes ({@code ""}: no token). */
    public HttpSettings withBearerToken(String token) {
        return new HttpSettings(host, port, token, protectReads, sseBacklog, sseClientQueue, maxSseClients,
                maxBodyBytes);
    }

    /** A copy that does or does not require the token for reads too. */
    public HttpSettings withProtectReads(boolean protect) {
        return new HttpSettings(host, port, bearerToken, protect, sseBacklog, sseClientQueue, maxSseClients,
                maxBodyBytes);
    }

    /** A copy keeping {@code events} events for resuming clients. */
    public HttpSettings withSseBacklog(int events) {
        return new HttpSettings(host, port, bearerToken, protectReads, events, sseClientQueue, maxSseClients,
                maxBodyBytes);
    }

    /** A copy queueing at most {@code events} events per SSE client. */
    public HttpSettings withSseClientQueue(int events) {
        return new HttpSettings(host, port, bearerToken, protectReads, sseBacklog, events, maxSseClients,
                maxBodyBytes);
    }

    /** A copy serving at most {@code clients} SSE clients at once. */
    public HttpSettings withMaxSseClients(int clients) {
        return new HttpSettings(host, port, bearerToken, protectReads, sseBacklog, sseClientQueue, clients,
                maxBodyBytes);
    }

    /** A copy accepting request bodies up to {@code bytes}. */
    public HttpSettings withMaxBodyBytes(int bytes) {
        return new HttpSettings(host, port, bearerToken, protectReads, sseBacklog, sseClientQueue, maxSseClients,
                bytes);
    }

    /** Every field but the token's value, which is a secret. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", bearerToken=" + (bearerToken.isEmpty() ? "none"
                : "<set>") + ", protectReads=" + protectReads + ", sseBacklog=" + sseBacklog + ", sseClientQueue="
                + sseClientQueue + ", maxSseClients=" + maxSseClients + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
