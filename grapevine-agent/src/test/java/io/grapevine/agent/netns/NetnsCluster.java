package io.grapevine.agent.netns;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.agent.client.AgentClient;
import io.grapevine.agent.client.ClientException;
import io.grapevine.agent.demo.AgentLauncher;
import io.grapevine.agent.demo.ChildAgent;
import io.grapevine.core.base.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Real {@code grapevine agent} processes, one per namespace {@code gvnet-K} of {@link NetnsScript}
 * (node {@code nK} at {@code 10.250.77.K}, gossip on port 7946, HTTP API on 7373), and the test's
 * view of them through their HTTP API, which the root namespace reaches over the bridge. The agents
 * run the {@code lean} JVM flags of the demo ({@link AgentLauncher#LEAN_JVM_FLAGS}).
 */
final class NetnsCluster implements AutoCloseable {
    /** The key every agent encrypts with: fixed, the test needs no secret. */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration BANNER_WAIT = Duration.ofSeconds(60);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int GOSSIP_PORT = 7946;
    /** Every agent's HTTP API port, on its namespace's address. */
    static final int HTTP_PORT = 7373;

    private final int size;
    private final String ipCommand;
    private final Path logDir;
    private final List<ChildAgent> agents = new ArrayList<>();
    private final List<AgentClient> clients;

    /**
     * What one member's entry says in one agent's view.
     *
     * @param status {@code alive}, {@code suspect}, {@code dead} or {@code left}
     * @param incarnation the member's incarnation
     * @param generation the member's generation
     */
    record Entry(String status, long incarnation, long generation) {
    }

    NetnsCluster(int size, String ipCommand, Path logDir) {
        this.size = size;
        this.ipCommand = ipCommand;
        this.logDir = logDir;
        this.clients = IntStream.rangeClosed(1, size)
                .mapToObj(k -> new AgentClient(new Address(NetnsScript.address(k), HTTP_PORT), Optional.empty()))
                .toList();
    }

    /** Node names, {@code n1..nN}. */
    static String name(int node) {
        return "n" + node;
    }

    /** How many agents. */
    int size() {
        return size;
    }

    /**
     * Starts one agent per namespace, each joining through node 1, and waits for their banners.
     *
     * @param profile the agents' {@code --profile}
     * @param extraArgs more agent flags for every agent
     */
    void start(String profile, List<String> extraArgs) {
        AgentLauncher launcher = AgentLauncher.withClasspath(System.getProperty("java.class.path"));
        String seed = NetnsScript.address(1) + ":" + GOSSIP_PORT;
        for (int k = 1; k <= size; k++) {
            String host = NetnsScript.address(k);
            List<String> args = new ArrayList<>(List.of("--node", name(k), "--bind", host + ":" + GOSSIP_PORT,
                    "--http-addr", host + ":" + HTTP_PORT, "--encrypt", KEY, "--profile", profile));
            if (k > 1) {
                args.addAll(List.of("--join", seed));
            }
            args.addAll(extraArgs);
            List<String> command = new ArrayList<>(List.of(ipCommand, "netns", "exec", NetnsScript.namespace(k)));
            command.addAll(launcher.command(args));
            agents.add(ChildAgent.launch(command, name(k), logDir.resolve(name(k) + ".log"), System::nanoTime));
        }
        agents.forEach(agent -> agent.awaitBanner(BANNER_WAIT));
    }

    /** SIGKILLs every agent and waits for each to be gone. */
    void stop() {
        agents.forEach(ChildAgent::destroyForcibly);
        agents.forEach(agent -> agent.waitFor(KILL_WAIT));
        agents.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Node {@code observer}'s member list, by name.
     *
     * @return the entries; empty if the agent does not answer
     */
    Map<String, Entry> view(int observer) {
        Map<String, Entry> view = new TreeMap<>();
        try {
            for (JsonNode member : client(observer).get("/v1/members")) {
                view.put(member.path("name").asText(), new Entry(member.path("status").asText(),
                        member.path("incarnation").asLong(), member.path("generation").asLong()));
            }
        } catch (ClientException e) {
            view.clear();
        }
        return view;
    }

    /** The status node {@code observer} holds {@code subject} at, or {@code unknown}. */
    String status(int observer, int subject) {
        Entry entry = view(observer).get(name(subject));
        return entry == null ? "unknown" : entry.status();
    }

    /** Whether every agent lists every member alive, all with identical entries. */
    boolean converged() {
        Map<String, Entry> first = view(1);
        if (first.size() != size || !first.values().stream().allMatch(e -> e.status().equals("alive"))) {
            return false;
        }
        return IntStream.rangeClosed(2, size).allMatch(k -> view(k).equals(first));
    }

    /** Every agent's member list as {@code nK: name status/incarnation/generation, ...}, for a failure's message. */
    String views() {
        StringBuilder views = new StringBuilder();
        for (int k = 1; k <= size; k++) {
            views.append("\n").append(name(k)).append(": ");
            view(k).forEach((member, e) -> views.append(member).append(' ').append(e.status()).append('/')
                    .append(e.incarnation()).append('/').append(e.generation()).append(", "));
        }
        return views.toString();
    }

    /** The process id of node {@code node}'s agent ({@code ip netns exec} execs the JVM in place). */
    long pid(int node) {
        return agents.get(node - 1).pid();
    }

    /** The HTTP client of node {@code node}'s agent. */
    AgentClient client(int node) {
        return clients.get(node - 1);
    }

    /** The last lines of each agent's log, for a failure's message. */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        agents.forEach(agent -> tails.append('\n').append(agent.name()).append(agent.logTail()));
        return tails.toString();
    }
}
