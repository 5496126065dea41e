package io.grapevine.agent.handler;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.grapevine.agent.handler.ScriptResult.Outcome;
import io.grapevine.core.base.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one handler script for one event: {@code /bin/sh -c SCRIPT} with the event's
 * environment ({@link HandlerEnvironment}) and stdin, stdout and stderr merged and captured up
 * to a limit ({@link OutputCapture}), killed with its descendants if it outlives the timeout.
 *
 * <p>Threading: {@link #run} blocks its caller (the handler worker) until the script ends or
 * is killed; feeding stdin and reading output happen on the given pump executor, so a script
 * that never reads stdin or writes a lot cannot stall the timeout. After the script exits,
 * its output is awaited for at most {@link #DRAIN_GRACE}: a background process it left running
 * with the output still open (write {@code cmd >/dev/null 2>&1 &}) costs that grace, then the
 * run ends with the output read so far. Not thread-safe: one caller at a time.
 */
final class ScriptRunner {
    /** How long to wait for the output to close after the script exited or was killed. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final Duration timeout;
    private final int maxOutputBytes;
    private final ExecutorService pumps;

    /**
     * @param timeout how long a script may run before it is killed; positive
     * @param maxOutputBytes how much of its output to keep; {@code >= 0}
     * @param pumps runs the stdin feeder and the output reader of each run (two tasks a run)
     */
    ScriptRunner(Duration timeout, int maxOutputBytes, ExecutorService pumps) {
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
        this.pumps = pumps;
    }

    /**
     * Runs {@code script} for {@code event} on node {@code selfName} and reports how it ended.
     * A script that cannot be started is a {@link Outcome#NOT_STARTED} result, not an
     * exception.
     *
     * @throws InterruptedException if the caller is interrupted (or the pumps are shut
     *     down); the script and its descendants have been sent a kill by then
     */
    ScriptResult run(String script, HandlerEvent event, String selfName) throws InterruptedException {
        long startNanos = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        HandlerEnvironment.applyTo(builder.environment(), event, selfName);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ScriptResult(Outcome.NOT_STARTED, -1, "could not start /bin/sh: " + e.getMessage(),
                    false, since(startNanos));
        }
        OutputCapture capture = new OutputCapture(maxOutputBytes);
        Future<?> drained;
        try {
            pumps.execute(() -> feed(process.getOutputStream(), event.stdin()));
            drained = pumps.submit(() -> capture.drain(process.getInputStream()));
        } catch (RejectedExecutionException e) {
            killTree(process);
            throw new InterruptedException("event handlers are closing");
        }
        boolean exited = awaitExit(process);
        if (!exited) {
            killTree(process);
            process.waitFor(DRAIN_GRACE.toNanos(), NANOSECONDS);
        }
        awaitOutput(drained, script);
        Duration elapsed = since(startNanos);
        if (!exited) {
            return new ScriptResult(Outcome.TIMED_OUT, -1, capture.text(), capture.truncated(), elapsed);
        }
        int code = process.exitValue();
        return new ScriptResult(code == 0 ? Outcome.SUCCEEDED : Outcome.FAILED, code, capture.text(),
                capture.truncated(), elapsed);
    }

    private boolean awaitExit(Process process) throws InterruptedException {
        try {
            return process.waitFor(timeout.toNanos(), NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private static void awaitOutput(Future<?> drained, String script) throws InterruptedException {
        try {
            drained.get(DRAIN_GRACE.toNanos(), NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("event handler '{}' left its output open (a background process?); not waiting for it", script);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading handler output failed", e.getCause());
        }
    }

    /** Writes the event's stdin and closes it; a script that exits without reading it is fine. */
    private static void feed(OutputStream stdin, Bytes bytes) {
        try (stdin) {
            stdin.write(bytes.toArray());
        } catch (IOException e) {
            // broken pipe: the script did not read its stdin, which it need not
        }
    }

    /**
     * Kills the script's shell and every process below it. The descendants are listed while
     * the shell is alive (once it dies they are re-parented and no longer found), the shell is
     * killed first so it cannot start more, then the listed ones.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
