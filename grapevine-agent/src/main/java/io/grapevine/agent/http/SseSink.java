package io.grapevine.agent.http;

import java.util.List;

/**
 * Where {@link EventStream} writes one client's events: Javalin's SSE client in the server,
 * a recording or deliberately slow fake in tests. Called only from that client's writer thread.
 */
interface SseSink {
    /** Writes {@code event} (no {@code id} line for a marker); may block while the client is slow. */
    void send(SseEvent event);

    /**
     * Writes {@code events} in order, as one write and one flush where the sink can (a burst of
     * events then costs the client one chunk instead of one per event); may block while the
     * client is slow.
     */
    default void sendAll(List<SseEvent> events) {
        for (SseEvent event : events) {
            send(event);
        }
    }

    /** Writes an SSE comment line (ignored by clients; keeps idle connections alive). */
    void comment(String text);

    /** Whether the client went away (a failed write closes the sink). */
    boolean closed();

    /** Ends the response. Idempotent. */
    void close();
}
