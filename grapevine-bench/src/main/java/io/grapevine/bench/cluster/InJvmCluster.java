package io.grapevine.bench.cluster;

import io.grapevine.agent.config.Profile;
import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Grapevine nodes as N {@link Cluster} instances in this JVM (each with its own event loop
 * and event thread), with the protocol configuration of the agent's {@code --profile lan}. Cheap
 * to start, but the nodes share one heap, one JIT and one GC, so per-node CPU and memory are not
 * measured separately. Like an agent's event stream, it ignores the runtime's own
 * {@code grapevine.*} keys.
 */
final class InJvmCluster implements ClusterUnderTest {
    private final int size;
    private final CoreConfig config;
    private final Profile profile;
    private final Observations observations = new Observations();
    private final List<Cluster> nodes = new ArrayList<>();
    /** This run's cluster key. */
    private byte[] key = new byte[0];
    /** Leaves block until spread; run them off the scenario thread like a node process would. */
    private final ExecutorService leaver = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bench-leaver");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.Set<Cluster> stopped = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int epoch;

    /** N nodes, started by {@link #startFresh}, with the core configuration of {@code --profile lan}. */
    InJvmCluster(int size) {
        this(size, Profile.LAN);
    }

    /** N nodes with the core configuration of {@code profile}. */
    InJvmCluster(int size, Profile profile) {
        this.size = size;
        this.profile = profile;
        this.config = profile.core();
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

    @Override
    public SystemSetup setup() {
        return new SystemSetup("in-jvm", profile.flagValue(), "AES-256-GCM, a fresh 32-byte key per run",
                "N Cluster instances in the runner's JVM, CoreConfig of --profile " + profile.flagValue() + ", fresh every run",
                "Cluster.join(node 0's gossip address)", List.of());
    }

    @Override
    public void startFresh(boolean quiet) {
        newRun();
        for (int i = 0; i < size; i++) {
            startNext(i);
        }
    }

    @Override
    public void startFirst() {
        newRun();
        startNext(0);
    }

    @Override
    public void startNext(int i) {
        int e = epoch;
        nodes.add(Cluster.builder(name(i)).bind("127.0.0.1", 0).encryptionKey(key.clone()).core(config)
                .joinTimeout(Duration.ofSeconds(120)).listener(event -> record(e, i, event)).start());
    }

    /** Stops the previous run's nodes, forgets its observations and draws this run's key. */
    private void newRun() {
        closeNodes();
        epoch++;
        observations.clear();
        key = ClusterKeys.fresh();
    }

    private void record(int e, int node, ClusterEvent event) {
        if (e != epoch) {
            return;
        }
        long at = System.currentTimeMillis();
        switch (event.kind()) {
            case MEMBER_CHANGED -> {
                ClusterEvent.MemberChanged changed = (ClusterEvent.MemberChanged) event;
                observations.add(new Observation(node, at, Observation.Kind.STATUS, changed.member().name(),
                        changed.member().status().name()));
                observations.addRaw(node, at, "EV " + e + " " + at + " STATUS " + changed.member().name() + " "
                        + changed.member().status() + " " + changed.change() + " " + changed.onWordOf());
            }
            case USER_EVENT -> observations.add(new Observation(node, at, Observation.Kind.USER,
                    ((ClusterEvent.UserEventReceived) event).event().name(), ""));
            case KEY_CHANGED -> {
                ClusterEvent.KeyChanged changed = (ClusterEvent.KeyChanged) event;
                if (changed.change().key().startsWith(Cluster.RESERVED_KEY_PREFIX)) {
                    return; // the view digest and keyring status, not a scenario's write
                }
                observations.add(new Observation(node, at, Observation.Kind.KEY,
                        changed.change().owner().name(), changed.change().key()));
            }
            case NAME_CONFLICT, RING_REPAIR_COMPLETED -> {
                // not part of any scenario
            }
        }
    }

    @Override
    public long joinAll() {
        long t0 = System.currentTimeMillis();
        String seed = address(0);
        for (int i = 1; i < size; i++) {
            nodes.get(i).join(List.of(seed));
        }
        return t0;
    }

    @Override
    public long join(int i, int through) {
        String seed = address(through);
        long t0 = System.currentTimeMillis();
        nodes.get(i).join(List.of(seed));
        return t0;
    }

    private String address(int i) {
        return "127.0.0.1:" + nodes.get(i).boundAddress().getPort();
    }

    @Override
    public long kill(int i) {
        long t0 = System.currentTimeMillis();
        stop(nodes.get(i));
        return t0;
    }

    @Override
    public long leave(int i) {
        long t0 = System.currentTimeMillis();
        Cluster node = nodes.get(i);
        Executor executor = leaver;
        executor.execute(() -> {
            node.leave().orTimeout(30, TimeUnit.SECONDS).join();
            stop(node);
        });
        return t0;
    }

    @Override
    public long fireEvent(int i, String name) {
        long t0 = System.currentTimeMillis();
        nodes.get(i).broadcast(name, new byte[0]);
        return t0;
    }

    @Override
    public long writeKey(int i, String key, String value) {
        long t0 = System.currentTimeMillis();
        nodes.get(i).put(key, value.getBytes(StandardCharsets.UTF_8));
        return t0;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public Optional<long[]> bytesSent() {
        long[] bytes = new long[size];
        for (int i = 0; i < size; i++) {
            var m = nodes.get(i).metrics().core();
            bytes[i] = m.bytesSent() + ProcessCluster.CIPHER_OVERHEAD_BYTES * m.packetsSent();
        }
        return Optional.of(bytes);
    }

    private void closeNodes() {
        for (Cluster node : nodes) {
            stop(node);
        }
        nodes.clear();
        stopped.clear();
    }

    private void stop(Cluster node) {
        if (stopped.add(node)) {
            node.close();
        }
    }

    @Override
    public void close() {
        closeNodes();
        leaver.shutdownNow();
    }
}
