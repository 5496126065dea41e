package io.grapevine.agent.client;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Follows one of the agent's SSE streams for {@code kv watch} and {@code monitor}: opens it,
 * says on stderr once the agent has subscribed the client (from then on nothing is missed),
 * hands every event to a handler, and ends after {@code --duration} (exit 0), when the thread is
 * interrupted (exit 130, as after Ctrl-C), or with a {@link ClientException} when the agent ends
 * the stream. A handler may ask to reconnect (the agent cut a slow client off), resuming after
 * the last event id it saw. Runs on the command's thread.
 */
final class StreamFollower {
    /** Exit code after an interrupt, as a shell reports SIGINT. */
    static final int INTERRUPTED = 130;

    /** What to do with each event. */
    interface Handler {
        /**
         * Handles {@code event} (never a comment or the end).
         *
         * @param event the event
         * @return true to reconnect, resuming after the last id seen
         */
        boolean onEvent(SseStream.Event event);
    }

    private final AgentClient client;
    private final PrintWriter err;

    StreamFollower(AgentClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
    }

    /**
     * Follows {@code path} until the duration passes, the thread is interrupted, or the stream ends.
     *
     * @param path the stream's path and query
     * @param what what is followed, for the notes: {@code key changes}, {@code the log}
     * @param duration how long to follow, or empty for ever (until Ctrl-C)
     * @param handler gets every event
     * @return 0 after the duration, {@link #INTERRUPTED} after an interrupt
     * @throws ClientException if the agent cannot be reached or ends the stream
     */
    int follow(String path, String what, Optional<Duration> duration, Handler handler) {
        long deadline = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        long lastId = -1;
        boolean announced = false;
        while (true) {
            try (SseStream stream = client.stream(path, lastId)) {
                while (true) {
                    long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    Optional<SseStream.Event> next = stream.next(left);
                    if (next.isEmpty()) {
                        continue; // the deadline came: checked above
                    }
                    SseStream.Event event = next.get();
                    if (event.type().equals(SseStream.END)) {
                        throw new ClientException("the agent at " + client.address() + " ended the stream of "
                                + what + " (did it stop?)");
                    }
                    if (event.type().equals(SseStream.COMMENT)) {
                        if (event.data().equals("connected") && !announced) {
                            announced = true;
                            err.println("Following " + what + " of the agent at " + client.address()
                                    + duration.map(d -> " for " + Times.age(d.toMillis())).orElse(" (Ctrl-C to stop)"));
                            err.flush();
                        }
                        continue;
                    }
                    lastId = event.id() >= 0 ? event.id() : lastId;
                    if (handler.onEvent(event)) {
                        break; // reconnect, resuming after lastId
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return INTERRUPTED;
            }
        }
    }
}
