package io.grapevine.bench.cluster;

import io.grapevine.agent.run.AgentBanner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Grapevine nodes as N real {@code grapevine agent} processes (issue 13 §1), a fresh set for
 * every run. Node {@code i} is started as
 * <pre>
 * java FLAGS -cp CLASSPATH io.grapevine.agent.GrapevineCommand agent --node nI --bind 127.0.0.1:0
 *      --http-addr 127.0.0.1:0 --encrypt KEY --profile lan
 * </pre>
 * with a new AES key per run; its banner gives the ports it bound. It is driven through its HTTP
 * API (docs/http-api.md): {@code POST /v1/join}, {@code POST /v1/event/NAME}, {@code PUT
 * /v1/kv/KEY}, {@code POST /v1/leave}, {@code GET /v1/info}; kill -9 and SIGSTOP are signals to
 * its process. What each node sees comes from its {@code /v1/events} stream ({@link EventFeed}),
 * stamped by the agent itself, so a figure never includes the trip to this runner.
 *
 * <p>The class path is this JVM's by default: {@code benchmarks.jar} (or the test class path)
 * holds the agent. Each agent's stderr (its log) is appended to {@code LOGDIR/grapevine-nI.log}.
 * Used by one scenario thread; failed requests are reported on {@code log} and in the trace.
 */
final class ProcessCluster implements ClusterUnderTest {
    /** The agent's entry point: the {@code grapevine} command line. */
    static final String AGENT_MAIN = "io.grapevine.agent.GrapevineCommand";
    /** How long N agents may take to start and open their event streams. */
    private static final long START_TIMEOUT_MILLIS = 120_000;
    /**
     * AES-GCM overhead per packet: version byte, 12-byte nonce, 16-byte tag. The core counts
     * bytes before encryption; PacketCipher.OVERHEAD_BYTES says the same but is package-private.
     */
    static final int CIPHER_OVERHEAD_BYTES = 1 + 12 + 16;

    private final int size;
    private final List<String> jvmFlags;
    private final String classPath;
    private final Path logDir;
    private final PrintWriter log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Observations observations = new Observations();
    private final List<AgentProcess> agents = new ArrayList<>();
    private final List<AgentApi> apis = new ArrayList<>();
    private final List<EventFeed> feeds = new ArrayList<>();
    /** Each running node's gossip address, from its banner, in node order. */
    private final List<String> gossip = new ArrayList<>();
    /** This run's cluster key, base64. */
    private String key = "";
    /** Whether the agents run {@code --plaintext}. */
    private boolean plaintext;
    /** The agents' {@code --profile}. */
    private String profile = "lan";
    /** Counts {@link #stopAgents()}: a request of agents since stopped is not reported as failed. */
    private volatile int stops;

    /** N agents started from this JVM's class path. */
    ProcessCluster(int size, List<String> jvmFlags, Path logDir, PrintWriter log) {
        this(size, jvmFlags, System.getProperty("java.class.path"), logDir, log);
    }

    /**
     * @param jvmFlags flags for every agent JVM
     * @param classPath a class path holding the agent and its dependencies
     * @param logDir where the agents' logs go
     * @param log where failed requests are reported (the runner's progress output)
     */
    ProcessCluster(int size, List<String> jvmFlags, String classPath, Path logDir, PrintWriter log) {
        this.size = size;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.classPath = classPath;
        this.logDir = logDir;
        this.log = log;
    }

    /** Runs the agents with {@code --profile name} (lan unless told; the harness validates the name). */
    ProcessCluster withProfile(String name) {
        this.profile = name;
        return this;
    }

    /** Runs the agents unencrypted ({@code --plaintext}) instead of with a fresh key per run. */
    ProcessCluster withPlaintext(boolean plain) {
        this.plaintext = plain;
        return this;
    }

    @Override
    public String system() {
        return "grapevine";
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name(int i) {
        return "n" + i;
    }

    @Override
    public Observations observations() {
        return observations;
    }

    /** The command line that starts node {@code i} with cluster key {@code key}. */
    List<String> command(int i, String key) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath, AGENT_MAIN, "agent", "--node", name(i), "--bind", "127.0.0.1:0",
                "--http-addr", "127.0.0.1:0", "--profile", profile));
        command.addAll(plaintext ? List.of("--plaintext") : List.of("--encrypt", key));
        return command;
    }

    @Override
    public SystemSetup setup() {
        return new SystemSetup("processes", profile,
                plaintext ? "none (--plaintext)" : "AES-256-GCM, a fresh 32-byte key per run (--encrypt)",
                "one 'grapevine agent --profile " + profile + " --bind 127.0.0.1:0 --http-addr 127.0.0.1:0' JVM per node, "
                        + "fresh every run",
                "HTTP POST /v1/join {\"seeds\":[node 0's gossip address]} on the joiner's API", jvmFlags);
    }

    /** Kills the previous run's agents, then starts N fresh ones and opens their event streams. */
    @Override
    public void startFresh(boolean quiet) throws Exception {
        newRun();
        for (int i = 0; i < size; i++) {
            launch(i);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        for (int i = 0; i < size; i++) {
            connect(i, deadline);
        }
        for (EventFeed feed : feeds) {
            feed.awaitConnected(deadline);
        }
    }

    @Override
    public void startFirst() throws Exception {
        newRun();
        startNext(0);
    }

    @Override
    public void startNext(int i) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        launch(i);
        connect(i, deadline);
        feeds.get(i).awaitConnected(deadline);
    }

    /** Stops the previous run's agents, forgets its observations and draws this run's key. */
    private void newRun() throws Exception {
        stopAgents();
        observations.clear();
        Files.createDirectories(logDir);
        key = ClusterKeys.freshBase64();
    }

    private void launch(int i) throws IOException {
        agents.add(new AgentProcess(command(i, key), logDir.resolve("grapevine-" + name(i) + ".log"), name(i)));
    }

    /** Waits for node {@code i}'s banner, then opens its event stream. */
    private void connect(int i, long deadline) throws InterruptedException {
        AgentBanner banner = agents.get(i).awaitBanner(deadline);
        gossip.add(banner.gossip());
        apis.add(new AgentApi(http, banner.http()));
        feeds.add(EventFeed.open(http, apis.get(i).base(), i, observations));
    }

    @Override
    public long joinAll() {
        long t0 = System.currentTimeMillis();
        String body = AgentApi.seedsBody(gossip.get(0));
        for (int i = 1; i < size; i++) {
            reported(i, apis.get(i).post("/v1/join", body));
        }
        return t0;
    }

    @Override
    public long join(int i, int through) {
        String body = AgentApi.seedsBody(gossip.get(through));
        long t0 = System.currentTimeMillis();
        reported(i, apis.get(i).post("/v1/join", body));
        return t0;
    }

    @Override
    public long kill(int i) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        agents.get(i).kill();
        return t0;
    }

    @Override
    public long freeze(int i) throws Exception {
        long t0 = System.currentTimeMillis();
        agents.get(i).freeze();
        return t0;
    }

    @Override
    public long resume(int i) throws Exception {
        long t0 = System.currentTimeMillis();
        agents.get(i).resume();
        return t0;
    }

    @Override
    public long leave(int i) {
        long t0 = System.currentTimeMillis();
        reported(i, apis.get(i).post("/v1/leave", ""));
        return t0;
    }

    @Override
    public long fireEvent(int i, String name) {
        long t0 = System.currentTimeMillis();
        reported(i, apis.get(i).post("/v1/event/" + AgentApi.segment(name), ""));
        return t0;
    }

    @Override
    public long writeKey(int i, String key, String value) {
        long t0 = System.currentTimeMillis();
        reported(i, apis.get(i).put("/v1/kv/" + AgentApi.segment(key), AgentApi.valueBody(value)));
        return t0;
    }

    /**
     * A request that failed shows in the progress output and the trace; the scenario then times
     * out. One cut off because its agents were stopped (a join still being answered when an S1
     * run ends) is not a failure.
     */
    private void reported(int node, CompletableFuture<String> request) {
        int issuedIn = stops;
        request.whenComplete((answer, failure) -> {
            if (failure != null && issuedIn == stops) {
                String line = "request failed: " + (failure.getCause() != null ? failure.getCause() : failure);
                observations.addRaw(node, System.currentTimeMillis(), line);
                synchronized (log) {
                    log.println("  " + name(node) + ": " + line);
                    log.flush();
                }
            }
        });
    }

    @Override
    public List<ProcessHandle> processes() {
        return agents.stream().map(agent -> agent.process().toHandle()).toList();
    }

    @Override
    public List<InetSocketAddress> gossipAddresses() {
        return gossip.stream().map(ProcessCluster::socketAddress).toList();
    }

    private static InetSocketAddress socketAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** {@code GET /v1/reachability?waitMillis=W} on node {@code i}: its UDP round trips. */
    @Override
    public List<Double> udpRoundTripsMillis(int i, int waitMillis) throws IOException, InterruptedException {
        List<Double> trips = new ArrayList<>();
        for (JsonNode member : apis.get(i).get("/v1/reachability?waitMillis=" + waitMillis)) {
            JsonNode rtt = member.path("udpRttMillis");
            trips.add(rtt.isNumber() ? rtt.asDouble() : Double.NaN);
        }
        return trips;
    }

    /** {@code PUT /v1/kv/KEY} on node {@code i}: completes when the agent acknowledged it (2xx). */
    CompletableFuture<String> put(int i, String key, String value) {
        return apis.get(i).put("/v1/kv/" + AgentApi.segment(key), AgentApi.valueBody(value));
    }

    /** {@code GET /v1/kv?node=OWNER} on node {@code i}: {@code owner}'s keys as node {@code i} holds them. */
    Map<String, String> keysOf(int i, String owner) throws IOException, InterruptedException {
        Map<String, String> keys = new HashMap<>();
        apis.get(i).get("/v1/kv?node=" + AgentApi.segment(owner)).fields()
                .forEachRemaining(field -> keys.put(field.getKey(), field.getValue().asText()));
        return keys;
    }

    /** How many members node {@code i} lists alive ({@code GET /v1/members?status=alive}), itself included. */
    int aliveMembers(int i) throws IOException, InterruptedException {
        return apis.get(i).get("/v1/members?status=alive").size();
    }

    /**
     * Replaces node {@code i}, already killed, by a fresh agent of the same name (a new
     * generation, new ports, this run's key), unjoined, returning once it is ready.
     */
    void relaunch(int i) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        feeds.get(i).close();
        agents.get(i).kill();
        AgentProcess fresh = new AgentProcess(command(i, key), logDir.resolve("grapevine-" + name(i) + ".log"), name(i));
        agents.set(i, fresh);
        AgentBanner banner = fresh.awaitBanner(deadline);
        gossip.set(i, banner.gossip());
        apis.set(i, new AgentApi(http, banner.http()));
        feeds.set(i, EventFeed.open(http, apis.get(i).base(), i, observations));
        feeds.get(i).awaitConnected(deadline);
    }

    /** Each agent's core bytes sent ({@code GET /v1/info}) plus the cipher's overhead per packet. */
    @Override
    public Optional<long[]> bytesSent() throws IOException, InterruptedException {
        long[] bytes = new long[size];
        for (int i = 0; i < size; i++) {
            JsonNode metrics = apis.get(i).get("/v1/info").path("metrics");
            bytes[i] = metrics.path("bytesSent").asLong() + CIPHER_OVERHEAD_BYTES * metrics.path("packetsSent").asLong();
        }
        return Optional.of(bytes);
    }

    /** Closes the event streams, then kill -9s every agent (all at once) and waits for them. */
    private void stopAgents() throws InterruptedException {
        stops++;
        feeds.forEach(EventFeed::close);
        agents.forEach(AgentProcess::destroy);
        for (AgentProcess agent : agents) {
            agent.awaitExit();
        }
        feeds.clear();
        gossip.clear();
        apis.clear();
        agents.clear();
    }

    @Override
    public void close() {
        try {
            stopAgents();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
