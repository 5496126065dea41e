package io.grapevine.agent.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code grapevine demo}: the README's first command. Starts a small cluster of real
 * {@code grapevine agent} processes on loopback (5 by default), prints the first agent's
 * dashboard URL on a line of its own, and narrates a short story in the terminal ({@link Story}):
 * the joins and the convergence, a key and a user event reaching every agent, an agent SIGKILLed
 * and detected (by whom, how fast), its restart and rejoin. The cluster then keeps running until
 * Ctrl-C or {@code --duration}. A shutdown hook stops every child (SIGTERM, then SIGKILL after a
 * grace period), so none outlives the demo, except when the demo itself is SIGKILLed.
 *
 * <p>Exit codes: 0 once the story was told and the agents stopped; 1 if a step did not happen in
 * time (the last line says which) or an agent could not start; 2 for a bad flag.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts a small cluster of real agents on this machine (loopback) and narrates what gossip "
                + "does: joins, a key and an event spreading, an agent killed and detected, its restart.",
                "Prints the first agent's dashboard URL; runs until Ctrl-C or --duration."},
        footer = {"", "The simulated demo (64 nodes on a virtual clock) is 'grapevine sim demo'."})
public final class DemoCommand implements Callable<Integer> {
    /** The most agents: each is a JVM of some 60 MB on the user's machine. */
    static final int MAX_NODES = 32;
    /** How long the agents get to leave gracefully on SIGTERM, all together, before SIGKILL. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5",
            description = "Agents to start, 2.." + MAX_NODES + ". Default: ${DEFAULT-VALUE}.")
    private int nodes;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop by itself this many seconds after the "
            + "demo started (the story always finishes first; 0: right after it). Default: run until Ctrl-C.")
    private Long durationSeconds;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Where each agent's log goes (NAME.log); created "
            + "if missing. Default: a new grapevine-demo-* directory in the temporary directory.")
    private Path logDir;

    private final Supplier<AgentLauncher> launcher;
    private final LongSupplier clock;
    private final LongSupplier originNanos;

    /** The command as {@code grapevine demo} runs it: agents from this process's jar, times from the process's start. */
    public DemoCommand() {
        this(AgentLauncher::forThisProcess, System::nanoTime, DemoCommand::processStartNanos);
    }

    /**
     * A demo with its launcher and clock given (tests: a class path instead of the jar, times
     * from the command's start rather than the test JVM's).
     *
     * @param launcher how to start the child agents
     * @param clock monotonic nanos
     * @param originNanos when "the demo started", in {@code clock}'s time, asked once per run
     */
    DemoCommand(Supplier<AgentLauncher> launcher, LongSupplier clock, LongSupplier originNanos) {
        this.launcher = launcher;
        this.clock = clock;
        this.originNanos = originNanos;
    }

    @Override
    public Integer call() {
        if (nodes < 2 || nodes > MAX_NODES) {
            throw bad("--nodes", "must be in 2.." + MAX_NODES + ": " + nodes);
        }
        if (durationSeconds != null && durationSeconds < 0) {
            throw bad("--duration", "must be >= 0 seconds: " + durationSeconds);
        }
        long origin = originNanos.getAsLong();
        PrintWriter out = spec.commandLine().getOut();
        Narrator say = new Narrator(out, clock, origin);
        Path logs = logDirectory();
        AgentLauncher agents = launcher.get();
        ChildProcesses children = new ChildProcesses();
        Stop stop = new Stop(children, say);
        Thread hook = new Thread(() -> stop.now("stopped (Ctrl-C or SIGTERM)"), "grapevine-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Cast cast = new Cast(agents, children, logs, nodes, clock);
        try {
            say.line(String.format(Locale.ROOT, "Grapevine demo: %d real agents on this machine, each a "
                    + "separate JVM running grapevine agent, gossiping over loopback (plaintext, profile local: a "
                    + "probe every 200 ms)", nodes));
            say.line("agent JVM flags: " + String.join(" ", agents.jvmFlags()) + "; agent logs: " + logs
                    + "/node-N.log");
            Story story = new Story(cast, say);
            String http = story.tell().banner().http();
            boolean forever = durationSeconds == null;
            long until = forever ? Long.MAX_VALUE : origin + Duration.ofSeconds(durationSeconds).toNanos();
            say.say(forever ? "the story is over; the cluster keeps running: watch it at http://%s/, or try "
                    + "bin/grapevine members --http-addr %s (and kill an agent yourself). Ctrl-C stops every agent."
                    : "the story is over; the cluster keeps running until --duration (%3$d s) has passed: watch it "
                    + "at http://%1$s/, or try bin/grapevine members --http-addr %2$s", http, http, durationSeconds);
            story.keepRunning(forever, until, children);
            stop.now("--duration " + durationSeconds + " s has passed");
            return 0;
        } catch (DemoFailure e) {
            say.say("the demo failed: %s", e.getMessage());
            stop.now("the demo failed");
            return 1;
        } finally {
            stop.now("the demo ended");
            cast.closeFeeds();
            removeHook(hook);
        }
    }

    private Path logDirectory() {
        try {
            return logDir == null ? Files.createTempDirectory("grapevine-demo-")
                    : Files.createDirectories(logDir).toAbsolutePath();
        } catch (IOException e) {
            throw bad("--log-dir", "cannot create " + (logDir == null ? "a temporary directory" : logDir) + ": " + e);
        }
    }

    private ParameterException bad(String flag, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for " + flag + ": " + problem);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run or is running
        }
    }

    /** When this process started ({@code grapevine demo} was run), in {@link System#nanoTime()}'s time. */
    private static long processStartNanos() {
        return System.nanoTime() - ProcessStart.age().toNanos();
    }

    /**
     * Stops every child once, saying why and how it went. A second caller (the shutdown hook while
     * the demo is already stopping) waits for the first to finish, so the JVM never exits with
     * children still running, then does nothing.
     */
    private static final class Stop {
        private final ChildProcesses children;
        private final Narrator say;
        private boolean done;

        Stop(ChildProcesses children, Narrator say) {
            this.children = children;
            this.say = say;
        }

        synchronized void now(String why) {
            if (done) {
                return;
            }
            done = true;
            int running = children.running();
            if (running > 0) {
                say.say("%s: stopping the %d agents with SIGTERM, so each leaves the cluster gracefully", why, running);
            }
            ChildProcesses.StopReport report = children.stopAll(STOP_GRACE);
            if (running > 0) {
                say.say("all agents stopped (%d left gracefully%s)", report.stopped(),
                        report.killed() == 0 ? "" : ", " + report.killed() + " SIGKILLed after " + STOP_GRACE.toSeconds()
                                + " s");
            }
        }
    }
}
