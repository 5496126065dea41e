package io.grapevine.agent.http;

/**
 * Where {@link EventStream} writes one client's events: Javalin's SSE client in the server,
 * a recording or deliberately slow fake in tests. Called only from that client's writer thread.
 */
interface SseSink {
    /** Writes {@code event} (no {@code id} line for a marker); may block while the client is slow. */
    void send(SseEvent event);

    /** Writes an SSE comment line (ignored by clients; keeps idle connections alive). */
    void comment(String text);

    /** Whether the client went away (a failed write closes the sink). */
    boolean closed();

    /** Ends the response. Idempotent. */
    void close();
}
