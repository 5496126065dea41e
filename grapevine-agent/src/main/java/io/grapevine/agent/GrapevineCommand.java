package io.grapevine.agent;

import io.grapevine.agent.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code grapevine} command line: the root command whose subcommands run an agent
 * ({@code agent}), a small cluster of real agents on loopback that tells what it does
 * ({@code demo}) and the simulator ({@code sim}, with {@code sim demo}). {@code bench} is the bench
 * module's own launcher ({@code bin/grapevine bench} runs it), so this jar carries no benchmark.
 * Exit codes: 0 success, 1 failure, 2 bad usage: one line on stderr naming the flag and the reason.
 */
@Command(name = "grapevine", mixinStandardHelpOptions = true, version = "grapevine 0.1.0-SNAPSHOT",
        description = "Gossip toolkit for the JVM: membership, failure detection, broadcast.",
        subcommands = {AgentCommand.class, DemoCommand.class, SimCommand.class, CommandLine.HelpCommand.class})
public final class GrapevineCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new GrapevineCommand()).setParameterExceptionHandler(GrapevineCommand::badUsage);
    }

    /**
     * A bad flag or value: one line, {@code COMMAND: MESSAGE} (with picocli's suggestion for a
     * mistyped option), not the whole usage text; exit code 2.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            if (cli.getParent() == null && unmatched.getUnmatched().stream().findFirst().filter("bench"::equals)
                    .isPresent()) {
                message += " (bench lives in the bench module's own jar: run bin/grapevine bench)";
            } else if (!unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
        }
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message
                + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        cli.getErr().flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
