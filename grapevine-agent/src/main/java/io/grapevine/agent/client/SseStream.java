package io.grapevine.agent.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Server-Sent Events response of the agent ({@code /v1/events}, {@code /v1/monitor}) read
 * event by event. Lines arrive on the HTTP client's threads and are requested one at a time, so
 * a slow reader slows the TCP stream rather than growing a buffer (the agent then drops or
 * disconnects it, as its docs say). Comments ({@code : connected}) are events of type
 * {@link #COMMENT}; the end of the response is an event of type {@link #END}.
 *
 * <p>Threads: {@link #next} and {@link #close} from the command's thread.
 */
final class SseStream implements AutoCloseable {
    /** The type of a comment line; its data is the comment. */
    static final String COMMENT = ":";
    /** The type of the end of the stream (the agent closed it, or the connection broke). */
    static final String END = "";
    /** Longest wait for the agent to answer the stream request. */
    private static final long OPEN_TIMEOUT_SECONDS = 30;
    private static final String EOF = new String("end of stream"); // compared by identity

    /**
     * One event.
     *
     * @param type the {@code event} line ({@code message} when absent), {@link #COMMENT} or {@link #END}
     * @param data the {@code data} lines joined with newlines
     * @param id the {@code id} line, or -1 when there was none
     */
    record Event(String type, String data, long id) {
    }

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private boolean ended;
    /** The event being read: its fields so far (data null until a data line came). */
    private String pendingType = "message";
    private StringBuilder pendingData;
    private long pendingId = -1;

    private SseStream() {
    }

    /** Sends {@code request} and waits for a 200; any other answer is the client's error line. */
    static SseStream open(HttpClient http, HttpRequest request, AgentClient client) {
        SseStream stream = new SseStream();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        HttpResponse.BodyHandler<String> handler = info -> {
            status.complete(info.statusCode());
            if (info.statusCode() == 200) {
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream.new Lines(), lines -> "",
                        StandardCharsets.UTF_8, null);
            }
            return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, handler);
        response.whenComplete((r, failure) -> status.completeExceptionally(
                failure == null ? new IllegalStateException("the response ended before its status") : failure));
        try {
            int code = status.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (code != 200) {
                throw client.refused(code, response.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS).body());
            }
            return stream;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw client.unreachable(io);
            }
            throw new ClientException("the event stream of " + client.address() + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new ClientException("the agent at " + client.address() + " did not answer the stream request within "
                    + OPEN_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while opening the stream of " + client.address(), e);
        }
    }

    /**
     * The next event, waiting at most {@code timeoutNanos}.
     *
     * @param timeoutNanos how long to wait; 0 or less: only what has arrived
     * @return the event, or empty if none came in time; after the {@link #END} event, {@code END} again
     * @throws InterruptedException if the thread is interrupted while waiting (Ctrl-C in a test)
     */
    Optional<Event> next(long timeoutNanos) throws InterruptedException {
        if (ended) {
            return Optional.of(new Event(END, "", -1));
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return Optional.empty(); // the lines read so far stay pending for the next call
            }
            requestOne();
            if (line == EOF) {
                ended = true;
                return Optional.of(new Event(END, "", -1));
            }
            Optional<Event> event = onLine(line);
            if (event.isPresent()) {
                return event;
            }
        }
    }

    /** Adds one line to the pending event; an empty line ends it (SSE's dispatch). */
    private Optional<Event> onLine(String line) {
        if (line.isEmpty()) {
            Optional<Event> event = pendingData == null ? Optional.empty()
                    : Optional.of(new Event(pendingType, pendingData.toString(), pendingId));
            pendingType = "message";
            pendingData = null;
            pendingId = -1;
            return event;
        }
        if (line.startsWith(":")) {
            return Optional.of(new Event(COMMENT, line.substring(1).strip(), -1));
        }
        if (line.startsWith("event:")) {
            pendingType = field(line, 6);
        } else if (line.startsWith("id:")) {
            pendingId = parseId(field(line, 3));
        } else if (line.startsWith("data:")) {
            if (pendingData == null) {
                pendingData = new StringBuilder();
            } else {
                pendingData.append('\n');
            }
            pendingData.append(field(line, 5));
        }
        return Optional.empty();
    }

    private static String field(String line, int prefix) {
        String value = line.substring(prefix);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1; // not an id this client can resume from
        }
    }

    private void requestOne() {
        subscription.thenAccept(s -> s.request(1));
    }

    /** Ends the response (the connection is closed). Idempotent. */
    @Override
    public void close() {
        ended = true;
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    /** Receives the body's lines on the HTTP client's threads. */
    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
            s.request(1);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable failure) {
            lines.add(EOF);
        }

        @Override
        public void onComplete() {
            lines.add(EOF);
        }
    }
}
