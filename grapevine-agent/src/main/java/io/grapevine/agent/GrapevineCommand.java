package io.grapevine.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code grapevine} command line: the root command whose subcommands run the simulator
 * (and, later, the agent). Exit codes: 0 success, 2 bad usage (the message names the flag).
 */
@Command(name = "grapevine", mixinStandardHelpOptions = true, version = "grapevine 0.1.0-SNAPSHOT",
        description = "Gossip toolkit for the JVM: membership, failure detection, broadcast.",
        subcommands = {SimCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class GrapevineCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new GrapevineCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
