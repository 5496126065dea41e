package io.grapevine.bench.cluster;

import io.grapevine.agent.demo.AgentLauncher;
import io.grapevine.agent.run.AgentBanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code grapevine agent} child process. Its one stdout line, the banner, says which ports it
 * really bound (it is started on {@code HOST:0}); stdout is read to the end on a daemon thread so
 * the pipe never fills, and stderr (the agent's log, or its one-line start-up error) is appended
 * to a file. stdin is closed at once: the agent reads nothing from it.
 */
final class AgentProcess {
    private final Process process;
    private final String name;
    private final Path log;
    private final CompletableFuture<AgentBanner> banner = new CompletableFuture<>();


    /**
     * Starts {@code command} with {@link AgentLauncher#LEAN_ENVIRONMENT} added to this process's
     * environment, appending its stderr to {@code log}.
     *
     * @param name the node's name, for thread names and messages
     * @throws IOException if the process cannot start
     */
    AgentProcess(List<String> command, Path log, String name) throws IOException {
        this.name = name;
        this.log = log;
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(AgentLauncher.LEAN_ENVIRONMENT);
        this.process = builder.start();
        process.getOutputStream().close();
        Thread reader = new Thread(this::readStdout, "bench-agent-stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                AgentBanner.parse(line).ifPresent(banner::complete);
            }
        } catch (IOException e) {
            // the process went away: the exit code says the rest
        }
        banner.completeExceptionally(new IllegalStateException(exitedMessage()));
    }

    private String exitedMessage() {
        String code;
        try {
            code = process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = "unknown";
        }
        return "agent " + name + " (pid " + process.pid() + ") closed stdout without a banner, exit code " + code
                + "; see " + log;
    }

    /**
     * Waits for the banner until {@code deadlineMillis} (epoch ms).
     *
     * @throws IllegalStateException naming the agent and its log if it exited or did not start in time
     */
    AgentBanner awaitBanner(long deadlineMillis) throws InterruptedException {
        try {
            return banner.get(Math.max(1, deadlineMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("agent " + name + " (pid " + process.pid() + ") printed no banner in time; "
                    + "see " + log, e);
        } catch (ExecutionException e) {
            throw (IllegalStateException) e.getCause();
        }
    }

    Process process() {
        return process;
    }

    /** kill -STOP: the process stays, unscheduled. */
    void freeze() throws IOException, InterruptedException {
        Signals.stop(process);
    }

    /** SIGCONT: a frozen agent runs again. */
    void resume() throws IOException, InterruptedException {
        Signals.resume(process);
    }

    /** Sends kill -9 and returns at once; see {@link #awaitExit()}. */
    void destroy() {
        process.destroyForcibly();
    }

    /** Waits up to 10 s for the process to be gone. */
    void awaitExit() throws InterruptedException {
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** kill -9, then waits up to 10 s for it to be gone. */
    void kill() throws InterruptedException {
        destroy();
        awaitExit();
    }
}
