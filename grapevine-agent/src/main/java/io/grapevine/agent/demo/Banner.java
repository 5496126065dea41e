package io.grapevine.agent.demo;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child agent's startup banner says: its name and the real addresses it is bound to (the
 * demo binds both ports to 0, so the banner is the only place they are known).
 *
 * @param node the agent's member name
 * @param gossip its gossip address, {@code HOST:PORT}
 * @param http its HTTP API address, {@code HOST:PORT}
 */
record Banner(String node, String gossip, String http) {
    private static final Pattern LINE = Pattern.compile(
            "^grapevine agent: node=(\\S+) gossip=(\\S+:[1-9][0-9]*) http=(\\S+:[1-9][0-9]*)( .*)?$");

    /**
     * Parses {@code grapevine agent: node=NAME gossip=HOST:PORT http=HOST:PORT ...}.
     *
     * @param line one line of the agent's stdout
     * @return the banner, or empty if the line is not one (or shows port 0)
     */
    static Optional<Banner> parse(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? Optional.of(new Banner(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The HTTP API's base address, {@code http://HOST:PORT}; the dashboard is its {@code /}. */
    URI httpBase() {
        return URI.create("http://" + http);
    }
}
