package io.grapevine.agent.client;

import static org.awaitility.Awaitility.await;

import io.grapevine.agent.GrapevineCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs the {@code grapevine} command line in-process with a given environment, capturing exit
 * code, stdout and stderr; {@link #background} runs a following command ({@code kv watch},
 * {@code monitor}) on its own thread whose output can be read while it runs.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record Cli(int exitCode, String out, String err) {
    /** Runs {@code args} with an empty environment. */
    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code args} with {@code environment}. */
    static Cli run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = execute(environment, out, err, args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static int execute(Map<String, String> environment, StringWriter out, StringWriter err, String... args) {
        CommandLine cli = GrapevineCommand.newCommandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Starts {@code args} on a thread of its own. */
    static Background background(String... args) {
        return new Background(args);
    }

    /** A command running on its own thread; StringWriter is synchronized, so reading while it writes is safe. */
    static final class Background {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final Thread thread;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        private Background(String... args) {
            thread = new Thread(() -> exit.complete(execute(Map.of(), out, err, args)), "cli-background");
            thread.setDaemon(true);
            thread.start();
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        /** Waits until stderr says the stream is followed: from then on no event is missed. */
        Background awaitFollowing() {
            await().atMost(ClientAgents.DEADLINE).until(() -> err().contains("Following") || exit.isDone());
            if (exit.isDone()) {
                throw new AssertionError("the command ended before following: " + finish());
            }
            return this;
        }

        /** Interrupts the command, as Ctrl-C would stop it, and waits for it to end. */
        Cli interrupt() {
            thread.interrupt();
            return finish();
        }

        /** Waits (with the test deadline) for the command to end. */
        Cli finish() {
            try {
                int code = exit.get(ClientAgents.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                return new Cli(code, out(), err());
            } catch (Exception e) {
                throw new AssertionError("the command did not end: out=" + out() + " err=" + err(), e);
            }
        }
    }
}
