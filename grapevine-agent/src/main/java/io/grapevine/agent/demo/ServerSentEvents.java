package io.grapevine.agent.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads the agent's {@code GET /v1/events} stream (server-sent events): each event's type
 * ({@code event:}, "message" when absent) and its {@code data:} lines joined by newlines, handed
 * over at the blank line that ends it; the {@code : connected} comment the agent sends first is
 * reported once. Other lines (comments, ids) are skipped. Runs on the caller's thread until the
 * stream ends or fails; an {@code IOException} is the stream's end, not an error.
 */
public final class ServerSentEvents {
    private ServerSentEvents() {
    }

    /** Reads {@code body} to its end, calling {@code connected} and {@code event(type, data)} as they come. */
    public static void read(InputStream body, Runnable connected, BiConsumer<String, String> event) {
        String type = "message";
        StringBuilder data = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    event.accept(type, data.toString());
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    if (line.substring(1).trim().equals("connected")) {
                        connected.run();
                    }
                } else if (line.startsWith("event:")) {
                    type = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring("data:".length()).trim());
                }
            }
        } catch (IOException e) {
            // the agent stopped or the feed was closed: the stream is over
        }
    }
}
