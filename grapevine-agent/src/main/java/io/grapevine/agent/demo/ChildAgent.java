package io.grapevine.agent.demo;

import io.grapevine.agent.run.AgentBanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * One {@code grapevine agent} child process of the demo (or of a harness that runs real agents, such
 * as the network-namespace fault test): started with its stderr (the agent's log) appended to a file,
 * its stdout read on a daemon thread until the banner line says which ports it bound. Thread-safe:
 * the banner arrives on the reader thread, everything else is the caller's.
 */
public final class ChildAgent {
    private static final int LOG_TAIL_LINES = 5;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long launchedNanos;
    private final LongSupplier clock;
    private final CompletableFuture<AgentBanner> banner = new CompletableFuture<>();
    private volatile long bannerNanos;

    private ChildAgent(String name, Process process, Path logFile, long launchedNanos, LongSupplier clock) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.launchedNanos = launchedNanos;
        this.clock = clock;
    }

    /**
     * Starts {@code grapevine agent} with {@code agentArgs} and {@link AgentLauncher#LEAN_ENVIRONMENT};
     * does not wait for it to be up.
     *
     * @param launcher how to start a JVM running the agent
     * @param name the node name (for messages; {@code agentArgs} carries {@code --node})
     * @param agentArgs the agent's arguments
     * @param logFile file the agent's stderr is appended to
     * @param clock monotonic nanos
     * @return the child, its banner still to come
     * @throws DemoFailure if the process cannot be started
     */
    static ChildAgent launch(AgentLauncher launcher, String name, List<String> agentArgs, Path logFile,
                             LongSupplier clock) {
        return launch(launcher.command(agentArgs), name, logFile, clock);
    }

    /**
     * Starts a whole command that runs {@code grapevine agent} (an {@link AgentLauncher#command}, or
     * one wrapped in another program, e.g. {@code ip netns exec NS}), with
     * {@link AgentLauncher#LEAN_ENVIRONMENT}; does not wait for it to be up.
     *
     * @param command the command, the program first
     * @param name the node name (for messages)
     * @param logFile file the agent's stderr is appended to
     * @param clock monotonic nanos
     * @return the child, its banner still to come
     * @throws DemoFailure if the process cannot be started
     */
    public static ChildAgent launch(List<String> command, String name, Path logFile, LongSupplier clock) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(AgentLauncher.LEAN_ENVIRONMENT);
        long launched = clock.getAsLong();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DemoFailure("could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        ChildAgent child = new ChildAgent(name, process, logFile, launched, clock);
        Thread reader = new Thread(child::readStdout, "demo-stdout-" + name);
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** The node name. */
    public String name() {
        return name;
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** When the process was started, in the demo's clock. */
    long launchedNanos() {
        return launchedNanos;
    }

    /** When the banner was read, in the demo's clock; only meaningful once {@link #bannerIfReady()} has one. */
    long bannerNanos() {
        return bannerNanos;
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** The agent's log file (its stderr). */
    public Path logFile() {
        return logFile;
    }

    /** The banner if it has been printed: for a loop that polls several children. */
    Optional<AgentBanner> bannerIfReady() {
        return banner.isDone() && !banner.isCompletedExceptionally() ? Optional.of(banner.join()) : Optional.empty();
    }

    /** Whether the process ended before printing its banner. */
    boolean failedToStart() {
        return banner.isCompletedExceptionally();
    }

    /**
     * Waits for the banner.
     *
     * @param timeout the most to wait
     * @return the banner
     * @throws DemoFailure if the agent exits first or does not print it in time, with its last log lines
     */
    public AgentBanner awaitBanner(Duration timeout) {
        try {
            return banner.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DemoFailure(name + " printed no banner within " + timeout.toSeconds() + " s" + logTail());
        } catch (ExecutionException e) {
            throw startFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for " + name + " to start", e);
        }
    }

    /**
     * A failure saying the agent exited before its banner, with its exit code (stdout closes just
     * before the process is reaped, so this waits for that, briefly) and its log's last lines.
     */
    DemoFailure startFailure() {
        waitFor(EXIT_WAIT);
        String code = process.isAlive() ? "" : " with exit code " + process.exitValue();
        return new DemoFailure(name + " exited" + code + " before printing its banner" + logTail());
    }

    /**
     * SIGKILL (on Unix, {@link Process#destroyForcibly()}): no shutdown hook runs, so the agent
     * sends no leave; waits until the process is gone.
     *
     * @param timeout the most to wait for the process to end
     * @throws DemoFailure if it is still running after {@code timeout}
     */
    public void kill(Duration timeout) {
        process.destroyForcibly();
        if (!waitFor(timeout)) {
            throw new DemoFailure(name + " (pid " + pid() + ") still runs " + timeout.toSeconds() + " s after SIGKILL");
        }
    }

    /** SIGTERM: the agent's shutdown hook leaves the cluster gracefully and stops. Does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL without waiting. */
    public void destroyForcibly() {
        process.destroyForcibly();
    }

    /**
     * Waits for the process to end.
     *
     * @param timeout the most to wait (zero or negative: just looks)
     * @return whether it has ended
     */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The log's last lines, as {@code "; last log lines: ..."}, or empty. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return " (its log " + logFile + " is empty)";
            }
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "; the last lines of " + logFile + ":\n    " + String.join("\n    ", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (its log " + logFile + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!banner.isDone()) {
                    AgentBanner.parse(line).ifPresent(this::bannerRead);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed has been read
        }
        banner.completeExceptionally(new DemoFailure(name + " exited before printing its banner"));
    }

    private void bannerRead(AgentBanner parsed) {
        bannerNanos = clock.getAsLong();
        banner.complete(parsed);
    }
}
