package io.grapevine.agent.http;

/**
 * One Server-Sent Event as {@code /v1/events} writes it: {@code id}, {@code event} and
 * {@code data} lines.
 *
 * @param id position in the stream, from 1, increasing by one per cluster event; 0 for markers
 *           that are not cluster events (they carry no {@code id} line, so they do not move a
 *           client's {@code Last-Event-ID})
 * @param type the {@code event} line: member-changed, name-conflict, user-event, key-changed,
 *             or the marker {@code gap}
 * @param data the {@code data} line: one line of JSON
 */
record SseEvent(long id, String type, String data) {
    /** Checks that {@code data} fits on one {@code data} line. */
    SseEvent {
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0: " + id);
        }
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("data must be one line of JSON");
        }
    }

    /** Whether this is a marker rather than a cluster event. */
    boolean marker() {
        return id == 0;
    }
}
