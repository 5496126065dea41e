package io.grapevine.bench.peer;

import io.grapevine.bench.cluster.ClusterKeys;
import io.grapevine.bench.cluster.ClusterUnderTest;
import io.grapevine.bench.cluster.Observations;
import io.grapevine.bench.cluster.SystemSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * N HashiCorp Serf agents on 127.0.0.1 ({@code serf agent -profile=lan}, encrypted like our
 * nodes), started afresh for every run. Actions go through each agent's RPC; what each agent
 * knows is read from its log (see {@link SerfLogParser}); bytes sent come from memberlist's
 * counters through a statsd sink per agent ({@link StatsdCounter}).
 *
 * <p>Why not Serf's event handlers: the agent coalesces member events for 1 to 3 s before
 * handing them to handlers (its agent command sets CoalescePeriod 3 s, QuiescentPeriod 1 s),
 * which would charge Serf with a delay its members do not have.
 */
public final class SerfCluster implements ClusterUnderTest {
    private static final long READY_TIMEOUT_MILLIS = 60_000;

    private final int size;
    private final String serfBinary;
    private final Path workDir;
    private final Observations observations = new Observations();
    private final List<Agent> agents = new ArrayList<>();
    /** This run's cluster key, base64, and the agents' log level. */
    private String key = "";
    private String logLevel = "debug";
    /** Whether the agents run without {@code -encrypt}. */
    private boolean plaintext;

    /** One running agent. */
    private record Agent(Process process, int bindPort, SerfRpc rpc, StatsdCounter statsd) {
    }

    /**
     * @param size N
     * @param serfBinary the {@code serf} executable (a path, or a name looked up on PATH)
     * @param workDir where config files and agents' stderr go
     */
    public SerfCluster(int size, String serfBinary, Path workDir) {
        this.size = size;
        this.serfBinary = serfBinary;
        this.workDir = workDir;
    }

    /** Runs the agents without {@code -encrypt} instead of with a fresh key per run. */
    public SerfCluster withPlaintext(boolean plain) {
        this.plaintext = plain;
        return this;
    }

    @Override
    public String system() {
        return "serf";
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name(int i) {
        return "s" + i;
    }

    @Override
    public Observations observations() {
        return observations;
    }

    @Override
    public SystemSetup setup() {
        return new SystemSetup("agents", "lan",
                plaintext ? "none (no -encrypt)" : "AES-256-GCM (memberlist), a fresh 32-byte key per run (-encrypt)",
                "one 'serf agent -profile=lan -bind=127.0.0.1:PORT -rpc-addr=127.0.0.1:PORT' process per node, "
                        + "fresh every run",
                "Serf RPC join (what 'serf join' sends) to node 0's gossip address, once the agent is up",
                List.of());
    }

    @Override
    public void startFresh(boolean quiet) throws Exception {
        newRun(quiet);
        List<int[]> ports = allocatePorts(size);
        List<Process> processes = new ArrayList<>();
        List<StatsdCounter> counters = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StatsdCounter statsd = new StatsdCounter();
            processes.add(launch(i, ports.get(i), statsd));
            counters.add(statsd);
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        try {
            for (int i = 0; i < size; i++) {
                agents.add(new Agent(processes.get(i), ports.get(i)[0],
                        connect(ports.get(i)[1], processes.get(i), deadline), counters.get(i)));
            }
        } catch (Exception e) {
            // the agents started after the one that failed are not in 'agents' yet: stop them here, or they
            // idle on through every later run and scenario, taking CPU from whatever is measured next
            processes.forEach(Process::destroyForcibly);
            counters.forEach(StatsdCounter::close);
            throw e;
        }
    }

    @Override
    public void startFirst() throws Exception {
        newRun(false);
        startNext(0);
    }

    /** Chooses node {@code i}'s ports now (the running agents hold theirs), starts it and connects its RPC. */
    @Override
    public void startNext(int i) throws Exception {
        int[] ports = allocatePorts(1).get(0);
        StatsdCounter statsd = new StatsdCounter();
        Process process = launch(i, ports, statsd);
        agents.add(new Agent(process, ports[0], connect(ports[1], process, System.currentTimeMillis()
                + READY_TIMEOUT_MILLIS), statsd));
    }

    /** Stops the previous run's agents, forgets its observations and draws this run's key. */
    private void newRun(boolean quiet) throws Exception {
        stopAgents();
        observations.clear();
        Files.createDirectories(workDir);
        key = ClusterKeys.freshBase64();
        logLevel = quiet ? "info" : "debug";
    }

    /** Starts node {@code i}'s agent on {@code ports} (gossip, RPC), its log read on a daemon thread. */
    private Process launch(int i, int[] ports, StatsdCounter statsd) throws IOException {
        int bindPort = ports[0];
        Path config = workDir.resolve("serf-" + name(i) + ".json");
        Files.writeString(config, "{\"statsd_addr\": \"127.0.0.1:" + statsd.port() + "\"}\n");
        List<String> command = new ArrayList<>(List.of(serfBinary, "agent", "-node=" + name(i),
                "-bind=127.0.0.1:" + bindPort, "-advertise=127.0.0.1:" + bindPort, "-rpc-addr=127.0.0.1:" + ports[1],
                "-profile=lan", "-log-level=" + logLevel, "-config-file=" + config));
        if (!plaintext) {
            command.add("-encrypt=" + key);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(workDir.resolve("serf-" + name(i) + ".err").toFile());
        Process process = builder.start();
        Thread reader = new Thread(() -> read(i, process), "bench-serf-" + name(i));
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void read(int node, Process process) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                long at = System.currentTimeMillis();
                if (line.contains("serf:") || line.contains("memberlist:")) {
                    observations.addRaw(node, at, line.trim());
                }
                SerfLogParser.parse(node, at, line).ifPresent(observations::add);
            }
        } catch (IOException e) {
            // the agent is gone
        }
    }

    private static SerfRpc connect(int rpcPort, Process process, long deadline) throws Exception {
        while (true) {
            try {
                return SerfRpc.connect(rpcPort);
            } catch (IOException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("serf agent on RPC port " + rpcPort + " did not come up"
                            + (process.isAlive() ? " in time" : ": it exited"), e);
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * A gossip port (free for TCP and UDP: memberlist binds both) and an RPC port for each of
     * {@code count} agents, all distinct: every socket stays open until all are chosen, so the
     * system cannot hand out one port twice, then all are closed for the agents to bind.
     */
    private static List<int[]> allocatePorts(int count) throws IOException {
        List<java.io.Closeable> held = new ArrayList<>();
        List<int[]> ports = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int gossip = -1;
                for (int attempt = 0; attempt < 100 && gossip < 0; attempt++) {
                    ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(tcp);
                    try {
                        held.add(new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress()));
                        gossip = tcp.getLocalPort();
                    } catch (IOException e) {
                        // the UDP half is taken: try another
                    }
                }
                if (gossip < 0) {
                    throw new IOException("no port free for both TCP and UDP after 100 attempts");
                }
                ServerSocket rpc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(rpc);
                ports.add(new int[] {gossip, rpc.getLocalPort()});
            }
            return ports;
        } finally {
            for (java.io.Closeable socket : held) {
                socket.close();
            }
        }
    }

    @Override
    public long joinAll() throws IOException {
        long t0 = System.currentTimeMillis();
        List<String> seed = List.of("127.0.0.1:" + agents.get(0).bindPort());
        for (int i = 1; i < size; i++) {
            agents.get(i).rpc().join(seed);
        }
        return t0;
    }

    @Override
    public long join(int i, int through) throws IOException {
        List<String> seed = List.of("127.0.0.1:" + agents.get(through).bindPort());
        long t0 = System.currentTimeMillis();
        agents.get(i).rpc().join(seed);
        return t0;
    }

    @Override
    public long kill(int i) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        agents.get(i).process().destroyForcibly();
        agents.get(i).process().waitFor(10, TimeUnit.SECONDS);
        return t0;
    }

    @Override
    public long freeze(int i) throws Exception {
        long t0 = System.currentTimeMillis();
        io.grapevine.bench.cluster.Signals.stop(agents.get(i).process());
        return t0;
    }

    @Override
    public long resume(int i) throws Exception {
        long t0 = System.currentTimeMillis();
        io.grapevine.bench.cluster.Signals.resume(agents.get(i).process());
        return t0;
    }

    @Override
    public long leave(int i) throws IOException {
        long t0 = System.currentTimeMillis();
        agents.get(i).rpc().leave();
        return t0;
    }

    @Override
    public long fireEvent(int i, String name) throws IOException {
        long t0 = System.currentTimeMillis();
        agents.get(i).rpc().event(name, new byte[0]);
        return t0;
    }

    @Override
    public long writeKey(int i, String key, String value) throws IOException {
        long t0 = System.currentTimeMillis();
        agents.get(i).rpc().setTag(key, value);
        return t0;
    }

    @Override
    public List<ProcessHandle> processes() {
        return agents.stream().map(a -> a.process().toHandle()).toList();
    }

    @Override
    public List<InetSocketAddress> gossipAddresses() {
        return agents.stream().map(a -> new InetSocketAddress("127.0.0.1", a.bindPort())).toList();
    }

    @Override
    public Optional<long[]> bytesSent() {
        return Optional.of(agents.stream().mapToLong(a -> a.statsd().bytesSent()).toArray());
    }

    private void stopAgents() throws InterruptedException {
        for (Agent agent : agents) {
            agent.rpc().close();
            agent.statsd().close();
            agent.process().destroyForcibly();
        }
        for (Agent agent : agents) {
            agent.process().waitFor(10, TimeUnit.SECONDS);
        }
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
