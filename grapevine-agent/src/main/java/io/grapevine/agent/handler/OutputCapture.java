package io.grapevine.agent.handler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a script's output to its end, keeping the first {@code limitBytes} and discarding the
 * rest, so a chatty script never blocks on a full pipe and never costs more than the limit in
 * memory.
 *
 * <p>Threading: {@link #drain} runs on one pump thread; {@link #text} and {@link #truncated}
 * may be called from any thread at any time and see what has been read so far.
 */
final class OutputCapture {
    private static final int CHUNK_BYTES = 8 * 1024;

    private final byte[] kept;
    private int length;
    private boolean truncated;

    /** Keeps at most {@code limitBytes} ({@code >= 0}). */
    OutputCapture(int limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("limitBytes must be >= 0: " + limitBytes);
        }
        kept = new byte[limitBytes];
    }

    /**
     * Reads {@code in} until its end, then closes it. An {@link IOException} (the stream
     * closed under it) ends the read; what was kept stays.
     */
    void drain(InputStream in) {
        byte[] chunk = new byte[CHUNK_BYTES];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                keep(chunk, n);
            }
        } catch (IOException e) {
            // the process's pipe went away: nothing more to read
        }
    }

    private synchronized void keep(byte[] chunk, int n) {
        int room = kept.length - length;
        int copied = Math.min(room, n);
        System.arraycopy(chunk, 0, kept, length, copied);
        length += copied;
        truncated |= copied < n;
    }

    /** The output kept so far, decoded as UTF-8 (malformed bytes replaced). */
    synchronized String text() {
        return new String(Arrays.copyOf(kept, length), StandardCharsets.UTF_8);
    }

    /** True if output beyond the limit was discarded. */
    synchronized boolean truncated() {
        return truncated;
    }
}
