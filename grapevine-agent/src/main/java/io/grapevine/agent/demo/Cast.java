package io.grapevine.agent.demo;

import io.grapevine.agent.run.AgentBanner;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.agent.demo.AgentApi.Health;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The agents of the story, by name ({@code node-1} .. {@code node-N}, iterated in that order):
 * each a child process, its banner, its API and its event feed into one {@link EventLog}. Only
 * the story's thread uses it.
 */
final class Cast {
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final AgentLauncher launcher;
    private final ChildProcesses children;
    private final Path logDir;
    private final LongSupplier clock;
    private final List<String> names;
    private final Map<String, LiveAgent> live = new HashMap<>();
    private final EventLog log = new EventLog();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One running agent.
     *
     * @param child its process
     * @param banner what its banner said
     * @param api its HTTP API
     * @param feed its event stream
     */
    record LiveAgent(ChildAgent child, AgentBanner banner, AgentApi api, EventFeed feed) {
        String name() {
            return child.name();
        }
    }

    /**
     * @param launcher how to start an agent
     * @param children where every started child is registered (so none outlives the demo)
     * @param logDir one {@code NAME.log} per agent goes here
     * @param nodes how many agents the story has
     * @param clock monotonic nanos
     */
    Cast(AgentLauncher launcher, ChildProcesses children, Path logDir, int nodes, LongSupplier clock) {
        this.launcher = launcher;
        this.children = children;
        this.logDir = logDir;
        this.clock = clock;
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            all.add("node-" + i);
        }
        this.names = List.copyOf(all);
    }

    /** Every name, {@code node-1} (the first agent, the seed) first. */
    List<String> names() {
        return names;
    }

    /** The log every feed writes to. */
    EventLog log() {
        return log;
    }

    /** The demo's clock. */
    long now() {
        return clock.getAsLong();
    }

    /**
     * Starts agent {@code name} ({@code --bind} and {@code --http-addr} on loopback port 0,
     * plaintext, profile local), joining through {@code seeds}; does not wait for it.
     *
     * @param name the node name
     * @param seeds gossip addresses for {@code --join}
     * @return the child, its banner to come
     */
    ChildAgent launch(String name, List<String> seeds) {
        List<String> args = new ArrayList<>(List.of("--node", name, "--bind", "127.0.0.1:0",
                "--http-addr", "127.0.0.1:0", "--plaintext", "--profile", "local"));
        for (String seed : seeds) {
            args.add("--join");
            args.add(seed);
        }
        return children.adopt(ChildAgent.launch(launcher, name, args, logDir.resolve(name + ".log"), clock));
    }

    /**
     * Takes a started child into the cast: opens its event feed (waiting until it is subscribed).
     *
     * @param child a child whose banner has arrived
     * @param banner that banner
     * @return the live agent
     */
    LiveAgent adopt(ChildAgent child, AgentBanner banner) {
        AgentApi api = new AgentApi(child.name(), banner.httpBase(), http, json);
        LiveAgent agent = new LiveAgent(child, banner, api, EventFeed.open(api, http, log, json, clock, FEED_TIMEOUT));
        live.put(child.name(), agent);
        return agent;
    }

    /**
     * SIGKILLs agent {@code name} and waits until its process is gone; it leaves the cast.
     *
     * @param name the agent
     */
    void kill(String name) {
        LiveAgent agent = agent(name);
        live.remove(name);
        agent.child().kill(KILL_TIMEOUT);
        agent.feed().close();
    }

    /** The live agent named {@code name}. */
    LiveAgent agent(String name) {
        LiveAgent agent = live.get(name);
        if (agent == null) {
            throw new IllegalStateException("no live agent " + name);
        }
        return agent;
    }

    /** Every live agent, in name order. */
    List<LiveAgent> agents() {
        return names.stream().filter(live::containsKey).map(live::get).toList();
    }

    /** Every live agent but {@code name}, in name order. */
    List<String> namesExcept(String name) {
        return agents().stream().map(LiveAgent::name).filter(n -> !n.equals(name)).toList();
    }

    /** Asks every live agent's {@code /v1/health}, in name order. */
    Map<String, Health> health() {
        Map<String, Health> health = new LinkedHashMap<>();
        for (LiveAgent agent : agents()) {
            health.put(agent.name(), agent.api().health());
        }
        return health;
    }

    /** Closes every feed (the processes are {@link ChildProcesses}'s to stop). */
    void closeFeeds() {
        live.values().forEach(agent -> agent.feed().close());
    }
}
