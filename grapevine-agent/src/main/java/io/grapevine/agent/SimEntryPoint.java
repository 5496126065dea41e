package io.grapevine.agent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * A simulation of grapevine-sim that parses its own flags ({@code cli(args, out, err)} returning
 * the exit code, as the keyspace simulations do; grapevine-sim has no picocli), run from a
 * picocli command with its output handed to the command line's writers (the terminal, or a
 * test's).
 */
@FunctionalInterface
interface SimEntryPoint {
    /** Runs with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    int cli(String[] args, PrintStream out, PrintStream err);

    /** Runs {@code this} with {@code args} and copies what it printed to {@code commandLine}'s out and err. */
    default int runOn(CommandLine commandLine, java.util.List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        commandLine.getOut().print(out.toString(StandardCharsets.UTF_8));
        commandLine.getOut().flush();
        commandLine.getErr().print(err.toString(StandardCharsets.UTF_8));
        commandLine.getErr().flush();
        return code;
    }
}
