package io.grapevine.agent.client;

import io.grapevine.core.base.Address;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every client command takes (a picocli mixin): where the agent's HTTP API is and
 * the token it wants. The token defaults to the environment variable {@value #TOKEN_ENV}, read
 * from the environment this was built with ({@link ClientFactory}), not from the process, so
 * tests give their own.
 */
public final class ClientOptions {
    /** The environment variable holding the default {@code --http-token}. */
    public static final String TOKEN_ENV = "GRAPEVINE_HTTP_TOKEN";
    /** {@code --http-addr}'s default: the agent's own default. */
    public static final String DEFAULT_HTTP_ADDR = "127.0.0.1:7373";

    private final Map<String, String> environment;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--http-addr", paramLabel = "HOST:PORT", converter = AddressConverter.class,
            description = "The agent's HTTP API (its --http-addr). Default: " + DEFAULT_HTTP_ADDR + ".")
    private Address httpAddr = Address.parse(DEFAULT_HTTP_ADDR);

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "Bearer token of the agent's API "
            + "(its --http-token). Default: $" + TOKEN_ENV + ", else none.")
    private String httpToken;

    /**
     * Options whose token defaults to {@code environment}'s {@value #TOKEN_ENV}.
     *
     * @param environment the process environment, or a test's
     */
    public ClientOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The agent's address. */
    Address httpAddr() {
        return httpAddr;
    }

    /**
     * A client of the agent these options name.
     *
     * @return the client
     * @throws ParameterException naming {@code --http-token} (or the variable) when the token
     *                            could not travel in an HTTP header
     */
    AgentClient client() {
        String token = httpToken != null ? httpToken : environment.getOrDefault(TOKEN_ENV, "");
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            String source = httpToken != null ? "--http-token" : "$" + TOKEN_ENV;
            throw new ParameterException(command.commandLine(), source
                    + " must be printable ASCII without spaces (it travels in an HTTP header)");
        }
        return new AgentClient(httpAddr, token.isEmpty() ? Optional.empty() : Optional.of(token));
    }
}
