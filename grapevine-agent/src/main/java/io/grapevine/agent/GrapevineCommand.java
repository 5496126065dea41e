package io.grapevine.agent;

import io.grapevine.agent.client.ClientFactory;
import io.grapevine.agent.client.CompletionCommand;
import io.grapevine.agent.client.EventCommand;
import io.grapevine.agent.client.ForceLeaveCommand;
import io.grapevine.agent.client.HistoryCommand;
import io.grapevine.agent.client.InfoCommand;
import io.grapevine.agent.client.JoinCommand;
import io.grapevine.agent.client.KeysCommand;
import io.grapevine.agent.client.KvCommand;
import io.grapevine.agent.client.SharedCommand;
import io.grapevine.agent.client.LeaveCommand;
import io.grapevine.agent.client.MembersCommand;
import io.grapevine.agent.client.MonitorCommand;
import io.grapevine.agent.client.ReachabilityCommand;
import io.grapevine.agent.client.VersionProvider;
import io.grapevine.agent.demo.DemoCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code grapevine} command line: the root command whose subcommands run an agent
 * ({@code agent}), talk to a running one over its HTTP API (the client commands of
 * {@link io.grapevine.agent.client}: {@code members}, {@code kv}, {@code monitor}, ...), start a
 * small cluster of real agents on loopback that tells what it does ({@code demo}, in
 * {@link io.grapevine.agent.demo}) and run the simulator ({@code sim}, with {@code sim demo}). {@code bench} is the bench
 * module's own launcher ({@code bin/grapevine bench} runs it), so this jar carries no benchmark.
 * Exit codes: 0 success, 1 failure, 2 bad usage: one line on stderr naming the flag and the reason.
 * {@code --version} is the build's version; {@code completion} prints a bash completion script.
 */
@Command(name = "grapevine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Gossip toolkit for the JVM: membership, failure detection, broadcast.",
        subcommands = {AgentCommand.class, MembersCommand.class, JoinCommand.class, LeaveCommand.class,
                ForceLeaveCommand.class, EventCommand.class, KvCommand.class, SharedCommand.class, KeysCommand.class,
                HistoryCommand.class,
                ReachabilityCommand.class, MonitorCommand.class, InfoCommand.class, SimCommand.class, DemoCommand.class,
                io.grapevine.agent.example.ExampleCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class})
public final class GrapevineCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine(System.getenv()).execute(args));
    }

    /** The configured command line, for tests and embedding; client commands see no environment. */
    public static CommandLine newCommandLine() {
        return newCommandLine(Map.of());
    }

    /**
     * The configured command line whose client commands read {@code environment} (their
     * {@code --http-token} defaults to its {@code GRAPEVINE_HTTP_TOKEN}).
     *
     * @param environment the process environment, or a test's
     * @return the command line
     */
    public static CommandLine newCommandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new GrapevineCommand(), new ClientFactory(environment))
                .setParameterExceptionHandler(GrapevineCommand::badUsage);
        withVersion(cli);
        return cli;
    }

    /** Every command's {@code --version} prints the build's version, not only the root's. */
    private static void withVersion(CommandLine cli) {
        cli.getCommandSpec().versionProvider(new VersionProvider());
        cli.getSubcommands().values().forEach(GrapevineCommand::withVersion);
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
