package io.grapevine.bench.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process whose stdout is read line by line on a daemon thread: each line goes to a
 * consumer (which turns events into observations) and into a queue that {@link #await} scans
 * for replies. stderr goes to a file. Writes to stdin are flushed at once.
 */
final class ChildProcess {
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ChildProcess(ProcessBuilder builder, String name, Consumer<String> onLine) throws IOException {
        this.process = builder.start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> read(onLine), "bench-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Consumer<String> onLine) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                onLine.accept(line);
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("IOERROR " + e.getMessage());
        }
    }

    /** Sends one command line. */
    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** The next line starting with {@code prefix}, skipping others; throws at the deadline. */
    String await(String prefix, long deadlineMillis) throws InterruptedException {
        while (true) {
            long left = deadlineMillis - System.currentTimeMillis();
            if (left <= 0 || !process.isAlive() && lines.isEmpty()) {
                throw new IllegalStateException("no '" + prefix + "' from pid " + process.pid()
                        + (process.isAlive() ? " in time" : ": it exited"));
            }
            String line = lines.poll(Math.min(left, 100), TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Drops queued lines (they have been consumed as observations already). */
    void drain() {
        lines.clear();
    }

    Process process() {
        return process;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -STOP: the process stays, unscheduled. */
    void freeze() throws Exception {
        Signals.stop(process);
    }

    /** kill -9, then waits up to 10 s for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
