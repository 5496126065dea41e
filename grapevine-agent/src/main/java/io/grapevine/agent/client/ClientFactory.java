package io.grapevine.agent.client;

import java.util.Map;
import picocli.CommandLine;

/**
 * Picocli's factory for the command line: builds each client command's {@link ClientOptions}
 * with the environment given here (the process's in {@code main}, a test's in tests), and
 * everything else as picocli's default factory does.
 */
public final class ClientFactory implements CommandLine.IFactory {
    private final Map<String, String> environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    /**
     * A factory whose client options read {@code environment}.
     *
     * @param environment variables, e.g. {@code System.getenv()}
     */
    public ClientFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == ClientOptions.class) {
            return type.cast(new ClientOptions(environment));
        }
        return fallback.create(type);
    }
}
