package io.grapevine.agent.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a running agent: {@code --http-addr} and {@code --http-token} come
 * with it, and a {@link ClientException} becomes one line on stderr,
 * {@code grapevine COMMAND: MESSAGE}, and exit code 1. Output goes to the command line's own
 * writers, so tests capture it.
 */
public abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    private ClientOptions agent;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            int code = run(agent.client());
            out().flush();
            return code;
        } catch (ClientException e) {
            out().flush();
            err().println(spec.qualifiedName() + ": " + e.getMessage());
            err().flush();
            return 1;
        }
    }

    /**
     * Does the command's job.
     *
     * @param client the agent's API
     * @return the exit code (0 for success)
     * @throws ClientException when the agent cannot be reached or refuses
     */
    protected abstract int run(AgentClient client);

    /** Where results go (stdout). */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where notes and errors go (stderr). */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** This command's picocli model. */
    protected final CommandSpec spec() {
        return spec;
    }
}
