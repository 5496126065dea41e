package io.grapevine.agent.run;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent's startup banner line says: its name and the real addresses it is bound to. A
 * harness that starts agents with both ports 0 (the demo, the bench) learns them only from here.
 * Immutable.
 *
 * @param node the agent's member name
 * @param gossip its gossip address, {@code HOST:PORT}
 * @param http its HTTP API address, {@code HOST:PORT}
 */
public record AgentBanner(String node, String gossip, String http) {
    private static final Pattern LINE = Pattern.compile(
            "^grapevine agent: node=(\\S+) gossip=(\\S+:[1-9][0-9]*) http=(\\S+:[1-9][0-9]*)( .*)?$");

    /**
     * Parses {@code grapevine agent: node=NAME gossip=HOST:PORT http=HOST:PORT ...}.
     *
     * @param line one line of the agent's stdout
     * @return the banner, or empty if the line is not one (or shows port 0)
     */
    public static Optional<AgentBanner> parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? Optional.of(new AgentBanner(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The HTTP API's base address, {@code http://HOST:PORT}; the dashboard is its {@code /}. */
    public URI httpBase() {
        return URI.create("http://" + http);
    }
}
