package io.grapevine.sim;

import io.grapevine.core.state.KeyChange;
import io.grapevine.core.Node;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.wire.Interner;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.sim.network.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;

/**
 * N copies of the protocol core on a virtual clock and a seeded network: the deterministic
 * driver of {@link Node}, and the ground truth about which nodes really run.
 *
 * <p>The loop pops the earliest event (a packet delivery or a node's tick deadline), advances
 * virtual time to it, hands it to the node and turns what the node wrote into its
 * {@code Outputs} into future deliveries; then it schedules the node's next tick at
 * {@link Node#nextDeadlineNanos()}. Faults ({@link #crash}, {@link #pause}, {@link #slowDown},
 * partitions on {@link #network()}) change what the loop delivers, never the core.
 *
 * <p>Determinism: every random choice derives from {@link SimConfig#seed()}: a master
 * {@link SplitMix64} gives each node its own stream in node order, then the network its stream,
 * then {@link #scenarioRandom()}, then restarted lives theirs. Events due at the same instant run
 * in scheduling order and no hash order is iterated, so {@link #traceHash()} is a function of
 * the seed and the scenario's calls. Not thread-safe: one simulation, one thread.
 */
public final class Simulation {
    private final SimConfig config;
    private final SimNode[] nodes;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Network network;
    private final SplitMix64 scenarioRandom;
    private final SplitMix64 restartRandom;
    private final DiscreteEventLoop loop;
    private final Interner interner;
    private Function<String, List<Service>> services = name -> List.of();
    private java.util.function.IntFunction<io.grapevine.core.CoreConfig> coreOf;

    /** A cluster of {@code config.nodes()} nodes, none started yet, at virtual time 0. */
    public Simulation(SimConfig config) {
        this.config = config;
        SplitMix64 master = new SplitMix64(config.seed());
        nodes = new SimNode[config.nodes()];
        Map<Address, Integer> byAddress = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new SimNode(i, master.split());
            byAddress.put(nodes[i].address, i);
            byName.put(nodes[i].name, i);
        }
        network = new Network(config.network(), master.split(), nodes.length);
        scenarioRandom = master.split();
        restartRandom = master.split();
        loop = new DiscreteEventLoop(nodes, byAddress, network);
        // One interner for all nodes: N tables of N entries share one copy of each identity.
        interner = new Interner(4 * nodes.length + 1024);
    }

    /**
     * Every node's application services: {@code factory} is asked for a fresh list of services
     * for a node's name each time the node starts or restarts (a new life starts with new
     * services, as a restarted process does), and they are installed before the node joins.
     * Call before starting nodes; the default installs none.
     */
    public void installServices(Function<String, List<Service>> factory) {
        this.services = factory;
    }

    /**
     * Gives each node its own protocol configuration (a zone per node, say): {@code coreOf} is
     * asked for node {@code i}'s at each of its starts. Call before starting nodes; by default
     * every node runs {@link SimConfig#core()}.
     */
    public void configureNodes(java.util.function.IntFunction<io.grapevine.core.CoreConfig> coreOf) {
        this.coreOf = coreOf;
    }

    /**
     * Drives node {@code index}'s service on {@code channel} now ({@code Node.callService}): what
     * the service sends and writes enters the network at this virtual time.
     *
     * @throws IllegalStateException if the node is not up
     * @throws IllegalArgumentException if no such service is installed there
     */
    public <S extends Service, R> R callService(int index, String channel, Class<S> type,
                                                BiFunction<S, ServiceContext, R> action) {
        SimNode n = upNode(index);
        long now = loop.nowNanos();
        R result = n.node.callService(channel, type, now, loop.outputsOf(n), action);
        loop.afterInput(n, now);
        return result;
    }

    /** Node {@code index}'s service on {@code channel} in its current life, to read its state. */
    public <S extends Service> S service(int index, String channel, Class<S> type) {
        return type.cast(node(index).service(channel)
                .orElseThrow(() -> new IllegalArgumentException("no service on channel " + channel)));
    }

    /** The configuration of this run. */
    public SimConfig config() {
        return config;
    }

    /** Number of simulated nodes (started or not). */
    public int size() {
        return nodes.length;
    }

    /** Virtual time, in ns. */
    public long nowNanos() {
        return loop.nowNanos();
    }

    /** The network, for partitions and blocked links. */
    public Network network() {
        return network;
    }

    /** A random stream for the scenario's own choices, derived from the seed. */
    public SplitMix64 scenarioRandom() {
        return scenarioRandom;
    }

    /** The fingerprint of every delivery and tick processed so far. */
    public long traceHash() {
        return loop.traceHash();
    }

    /** Counters so far. */
    public SimStats stats() {
        return loop.stats();
    }

    /** Registers an observer of every node's events. */
    public void addObserver(SimObserver observer) {
        loop.addObserver(observer);
    }

    /** Node {@code index}'s name ({@code node-<index>}). */
    public String name(int index) {
        return nodes[index].name;
    }

    /** Node {@code index}'s address. */
    public Address address(int index) {
        return nodes[index].address;
    }

    /** The index of the node named {@code name}, or -1. */
    public int indexOf(String name) {
        Integer index = byName.get(name);
        return index == null ? -1 : index;
    }

    /** The ground truth about node {@code index}'s life. */
    public NodeState state(int index) {
        return nodes[index].state;
    }

    /** Whether node {@code index} runs its protocol now (running or leaving, paused or not). */
    public boolean isUp(int index) {
        return nodes[index].state.isUp();
    }

    /** Node {@code index}'s current generation (0 before its first start). */
    public long generation(int index) {
        return nodes[index].generation;
    }

    /** Whether node {@code index} is paused now. */
    public boolean isPaused(int index) {
        return nodes[index].pausedAt(loop.nowNanos());
    }

    /** The core of node {@code index}'s current (or last) life; the node must have started. */
    public Node node(int index) {
        Node node = nodes[index].node;
        if (node == null) {
            throw new IllegalStateException(name(index) + " has not started");
        }
        return node;
    }

    /** Starts node {@code index} now, joining through {@code seeds} (none for a first node). */
    public void start(int index, List<Integer> seeds) {
        SimNode n = nodes[index];
        if (n.state != NodeState.NOT_STARTED) {
            throw new IllegalStateException(n.name + " already started: " + n.state);
        }
        begin(n, n.firstLifeRandom, seeds, List.of());
    }

    /**
     * Starts every node now from a converged view ({@code Node.preload}: each knows every other
     * ALIVE at incarnation 0) instead of N cold joins, for scenarios that study a formed
     * cluster. Costs N² table entries and no traffic; the cold join stays {@link #start}'s.
     *
     * @throws IllegalStateException if any node has already started
     */
    public void startConverged() {
        List<io.grapevine.core.base.NodeId> identities = new ArrayList<>(nodes.length);
        for (SimNode n : nodes) {
            if (n.state != NodeState.NOT_STARTED) {
                throw new IllegalStateException(n.name + " already started: " + n.state);
            }
            identities.add(n.nextIdentity());
        }
        for (SimNode n : nodes) {
            begin(n, n.firstLifeRandom, List.of(), identities);
        }
    }

    /** Restarts a crashed or left node now as a new life (generation + 1) joining via {@code seed}. */
    public void restart(int index, int seed) {
        SimNode n = nodes[index];
        if (n.state != NodeState.CRASHED && n.state != NodeState.LEFT) {
            throw new IllegalStateException(n.name + " must be crashed or left to restart: " + n.state);
        }
        begin(n, restartRandom.split(), List.of(seed), List.of());
    }

    private void begin(SimNode n, SplitMix64 random, List<Integer> seeds,
                       List<io.grapevine.core.base.NodeId> converged) {
        long now = loop.nowNanos();
        // the host's store outlives the life: a restart serves what it held and repairs what it missed
        n.node = new Node(coreOf == null ? config.core() : coreOf.apply(n.index), n.nextIdentity(), random, now,
                interner, n.store, 0);
        for (Service service : services.apply(n.name)) {
            n.node.install(service);
        }
        n.generation++;
        n.state = NodeState.RUNNING;
        n.pausedUntilNanos = 0;
        n.slowDelayNanos = 0;
        n.cancelTick();
        if (!converged.isEmpty()) {
            n.node.preload(converged, now);
        }
        if (!seeds.isEmpty()) {
            List<Address> seedAddresses = new ArrayList<>(seeds.size());
            for (int seed : seeds) {
                seedAddresses.add(nodes[seed].address);
            }
            n.node.join(seedAddresses, now, loop.outputsOf(n));
        }
        loop.afterInput(n, now);
    }

    /** Stops node {@code index} at once, without notice: it receives and sends nothing more. */
    public void crash(int index) {
        SimNode n = upNode(index);
        n.state = NodeState.CRASHED;
        n.refusesStreams = false;
        n.cancelTick();
    }

    /**
     * Kills node {@code index}'s process (kill -9) on a host that stays up: like
     * {@link #crash}, except that a stream sent to it is refused, and the sender learns so one
     * network delay later ({@code Node.onStreamRefused}). A {@code crash} is silent: a dead host.
     */
    public void kill(int index) {
        crash(index);
        nodes[index].refusesStreams = true;
    }

    /**
     * Stalls node {@code index} for {@code durationNanos} (a GC-like pause): datagrams that
     * arrive meanwhile are lost, stream messages wait (in the kernel) until it resumes, and it
     * sends nothing; then it resumes ticking with its old state.
     */
    public void pause(int index, long durationNanos) {
        SimNode n = upNode(index);
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("durationNanos must be > 0: " + durationNanos);
        }
        n.pausedUntilNanos = loop.nowNanos() + durationNanos;
        loop.tickAfterPause(n);
    }

    /**
     * A gray failure of node {@code index}: from now on it loses {@code lossProbability} of the
     * datagrams it sends, silently (everything it receives still arrives); its streams, TCP, get
     * through late, each lost transmission costing a retransmission timeout (200 ms, doubling;
     * a stream that loses seven in a row is lost). 0 makes it whole again. The losses are drawn from a source split from the
     * scenario's random source on the first call, so runs without a degraded node are unchanged.
     */
    public void degradeEgress(int index, double lossProbability) {
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("lossProbability must be in [0, 1]: " + lossProbability);
        }
        loop.degradeEgress(index, lossProbability, scenarioRandom().nextLong());
    }

    /**
     * Starves node {@code index} of CPU (the Lifeguard paper's slow message processing): from now
     * on it handles every packet {@code delayNanos} after it arrived, in arrival order, and what
     * it sends in reply leaves when it handles the packet. Its timers still fire on time, so a
     * probe timeout can expire while the ack waits unread in its inbox; that is what makes a
     * slow node accuse healthy ones. (Delaying ticks by the same amount would only shift the
     * node's whole timeline and change nothing it can observe.) 0 makes it healthy again.
     */
    public void slowDown(int index, long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must be >= 0: " + delayNanos);
        }
        nodes[index].slowDelayNanos = delayNanos;
    }

    /**
     * Node {@code index} announces a graceful leave now and keeps running until the leave has
     * spread ({@link Node#leaveSpread()}) or {@link SimConfig#leaveLingerNanos()} has passed; then
     * it stops ({@link NodeState#LEFT}).
     */
    public void leave(int index) {
        SimNode n = nodes[index];
        if (n.state != NodeState.RUNNING) {
            throw new IllegalStateException(n.name + " is not running: " + n.state);
        }
        long now = loop.nowNanos();
        n.state = NodeState.LEAVING;
        n.node.leave(now, loop.outputsOf(n));
        loop.stopAt(n, now + config.leaveLingerNanos());
        loop.afterInput(n, now);
    }

    /** Node {@code index} fires a user event now; returns the event as the core built it. */
    public DeliveredEvent fireEvent(int index, String eventName, byte[] payload) {
        SimNode n = upNode(index);
        long now = loop.nowNanos();
        DeliveredEvent event = n.node.fireEvent(eventName, payload, now, loop.outputsOf(n));
        loop.afterInput(n, now);
        return event;
    }

    /**
     * Node {@code index} writes its own replicated key {@code key} now ({@code Node.put},
     * CONTROL class, no TTL): spread by direct mail, rumor and anti-entropy. Returns the change
     * (its new version identifies the write).
     */
    public KeyChange put(int index, String key, byte[] value) {
        SimNode n = upNode(index);
        long now = loop.nowNanos();
        KeyChange change = n.node.put(key, value, now, loop.outputsOf(n));
        loop.afterInput(n, now);
        return change;
    }

    /**
     * Node {@code index} writes shared key {@code key} now ({@code SharedKeyspace.put}); the result
     * reaches the observers' {@link SimObserver#onSharedOp} when the operation ends.
     */
    public void sharedPut(int index, long opId, String key, byte[] value) {
        SimNode n = upNode(index);
        long now = loop.nowNanos();
        n.node.shared().put(opId, key, value, now, loop.outputsOf(n));
        loop.afterInput(n, now);
    }

    /** Node {@code index} deletes shared key {@code key} now ({@code SharedKeyspace.delete}). */
    public void sharedDelete(int index, long opId, String key) {
        SimNode n = upNode(index);
        long now = loop.nowNanos();
        n.node.shared().delete(opId, key, now, loop.outputsOf(n));
        loop.afterInput(n, now);
    }

    /** Processes every event due at or before {@code timeNanos}, then sets the clock to it. */
    public void runUntil(long timeNanos) {
        loop.runUntil(timeNanos);
    }

    /** Runs for {@code durationNanos} of virtual time. */
    public void runFor(long durationNanos) {
        loop.runUntil(loop.nowNanos() + durationNanos);
    }

    /**
     * Processes events until {@code done} holds (checked before each event) or the next event
     * is after {@code deadlineNanos}; returns whether {@code done} held. On timeout the clock is
     * set to the deadline.
     */
    public boolean runUntil(BooleanSupplier done, long deadlineNanos) {
        return loop.runUntil(done, deadlineNanos);
    }

    private SimNode upNode(int index) {
        SimNode n = nodes[index];
        if (!n.state.isUp()) {
            throw new IllegalStateException(n.name + " is not running: " + n.state);
        }
        return n;
    }
}
