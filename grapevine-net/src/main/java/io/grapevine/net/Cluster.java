package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.Node;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.membership.Member;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.detector.Reachability;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.ForceLeave;
import io.grapevine.core.membership.Transition;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.wire.Interner;
import io.grapevine.net.store.MvKeyStore;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running cluster member: the thing applications embed. Create one with
 * {@link #builder(String)}, then {@link #join} through seeds; read {@link #members()}, write
 * this node's replicated keys with {@link #put}, fire events with {@link #broadcast}, and
 * listen with {@link #addListener}. {@link #leave()} departs gracefully; {@link #close()}
 * releases every socket and thread.
 *
 * <p>Thread-safe: every call is handed to the node's event loop, which alone touches the
 * protocol core. Listeners run on a separate event thread, in emission order.
 */
public final class Cluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private static final long QUERY_TIMEOUT_SECONDS = 5;
    /** Prefix of the state keys the runtime writes itself; applications may not write them. */
    public static final String RESERVED_KEY_PREFIX = "grapevine.";
    /** The state key under which an encrypted node publishes its {@link KeyringStatus}. */
    public static final String KEYRING_KEY = RESERVED_KEY_PREFIX + "keyring";
    /** The state key under which a node publishes its member-view digest ({@link NetConfig#publishView()}). */
    public static final String VIEW_KEY = RESERVED_KEY_PREFIX + "view";
    /*
     * Once per second at most: every publication is a write mailed to every member, and a join
     * burst of N members would otherwise cost N x N mails four times a second, a fifth of a
     * 32-node join's time in separate processes on two cores.
     */
    private static final long VIEW_PUBLISH_DELAY_MILLIS = 1_000;

    private final NetConfig config;
    /** The protocol core: touched only on the runtime's event loop. */
    private final Node node;
    private final NodeRuntime runtime;
    private final Transport transport;
    private final EventDispatcher events;
    private final Keyring keyring;
    private final Joiner joiner;
    /** Whether a join was asked for and has not succeeded yet (a node never told to join is alone by choice). */
    private volatile boolean joining;
    /** Whether a view publication is scheduled on the loop; touched only there. */
    private boolean viewPublishPending;
    /** The member snapshot file's writer, or null when none is configured. */
    private volatile MemberSnapshot snapshot;
    /** The shared keyspace's calls into the core, and its store. */
    private final SharedCalls shared;

    Cluster(NetConfig config, Node node, NodeRuntime runtime, Transport transport, EventDispatcher events,
            Keyring keyring, KeyStore sharedStore) {
        this.config = config;
        this.shared = new SharedCalls(node, runtime, sharedStore);
        this.node = node;
        this.runtime = runtime;
        this.transport = transport;
        this.events = events;
        this.keyring = keyring;
        this.joiner = new Joiner(config, node, runtime);
    }

    /** A builder for a node named {@code nodeName}. */
    public static ClusterBuilder builder(String nodeName) {
        return new ClusterBuilder(nodeName);
    }

    /** Starts a node: binds its sockets and begins the protocol (alone until it joins). */
    static Cluster start(NetConfig config, Optional<Keyring> keyring, List<Consumer<ClusterEvent>> listeners,
                         Optional<java.nio.file.Path> dataDirectory) {
        return start(config, keyring, listeners, dataDirectory, List.of());
    }

    /** Starts a node with application services installed before its first input. */
    static Cluster start(NetConfig config, Optional<Keyring> keyring, List<Consumer<ClusterEvent>> listeners,
                         Optional<java.nio.file.Path> dataDirectory, List<io.grapevine.core.service.Service> services) {
        // the store first: a data directory another process holds fails here, before any socket is bound
        KeyStore store = dataDirectory.<KeyStore>map(MvKeyStore::open).orElseGet(MemoryKeyStore::new);
        Transport transport;
        try {
            transport = Transport.bind(config);
        } catch (RuntimeException e) {
            if (store instanceof MvKeyStore persistent) {
                persistent.close();
            }
            throw e;
        }
        EventDispatcher events = new EventDispatcher(config.nodeName());
        listeners.forEach(events::add);
        NodeId id = new NodeId(config.nodeName(), transport.advertised(), System.currentTimeMillis());
        // the shared keyspace's hybrid logical clock reads wall-clock time as monotonic time plus this offset
        long wallClockOffsetNanos = System.currentTimeMillis() * 1_000_000L - NodeRuntime.now();
        // an encrypted cluster's datagrams are opened under its key before the core sees them: their senders hold it
        CoreConfig core = keyring.isPresent() ? config.core().withMembership(m -> m.withSendersAuthenticated(true))
                : config.core();
        Node node = new Node(core, id, new SplitMix64(new java.security.SecureRandom().nextLong()),
                NodeRuntime.now(), new Interner(2 * config.core().membership().maxMembers()), store,
                wallClockOffsetNanos);
        services.forEach(node::install);
        // one cipher seals (in the runtime), one opens (in the pipeline): each confined to the one loop
        Optional<PacketCipher> sealer = keyring.map(k -> new PacketCipher(k, config.core().wire().clusterLabel()));
        Optional<PacketCipher> opener = keyring.map(k -> new PacketCipher(k, config.core().wire().clusterLabel()));
        NodeRuntime runtime = new NodeRuntime(transport.loop(), NodeInputs.of(node), sealer, events::dispatch,
                LoggerFactory.getLogger(NodeRuntime.class));
        transport.attach(runtime, config.core().wire().maxStreamBytes() + PacketCipher.OVERHEAD_BYTES, opener);
        Cluster cluster = new Cluster(config, node, runtime, transport, events, keyring.orElse(null), store);
        if (!config.snapshotPath().isEmpty()) {
            cluster.snapshot = new MemberSnapshot(java.nio.file.Path.of(config.snapshotPath()), config.nodeName(),
                    cluster::members);
            events.add(cluster.snapshot::onEvent);
        }
        if (config.publishView()) {
            events.add(event -> {
                if (event instanceof ClusterEvent.MemberChanged) {
                    cluster.runtime.loop().execute(cluster::scheduleViewPublish);
                }
            });
            runtime.loop().execute(cluster::scheduleViewPublish);
        }
        keyring.ifPresent(ring -> {
            ring.onChange(cluster::publishKeyring);
            cluster.publishKeyring();
        });
        return cluster;
    }

    /** Writes this node's keyring fingerprints into its replicated state (see {@link #keyringStatus()}). */
    private void publishKeyring() {
        List<String> fingerprints = keyring.fingerprints();
        byte[] value = new KeyringStatus(fingerprints.get(0), fingerprints).encode()
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (runtime.loop().isShuttingDown()) {
            return; // a keyring changed after close: nothing to tell
        }
        runtime.submit(CoreStep.PUT, () -> node.put(KEYRING_KEY, value, KeyPriority.CONTROL, 0, NodeRuntime.now(),
                runtime)).whenComplete((change, failure) -> {
                    if (failure != null) {
                        // no caller waits on this write: a refusal (our misuse of the core) must not vanish
                        LOG.warn("could not publish the keyring status", failure);
                    }
                });
    }

    /** On the loop: publishes the view digest soon, once for any burst of membership changes. */
    private void scheduleViewPublish() {
        if (viewPublishPending || runtime.loop().isShuttingDown()) {
            return;
        }
        viewPublishPending = true;
        runtime.loop().schedule(() -> {
            viewPublishPending = false;
            byte[] digest = ViewDigest.of(node.members()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!node.get(config.nodeName(), VIEW_KEY).map(held -> java.util.Arrays.equals(held.toArray(), digest))
                    .orElse(false)) {
                // BULK: rumored, not mailed to every member on every change (N x N datagrams per join burst)
                runtime.submit(CoreStep.PUT, () -> node.put(VIEW_KEY, digest, KeyPriority.BULK, 0,
                        NodeRuntime.now(), runtime)).whenComplete((change, failure) -> {
                            if (failure != null) {
                                // no caller waits on this write: a refusal must not vanish
                                LOG.warn("could not publish the member-view digest", failure);
                            }
                        });
            }
        }, VIEW_PUBLISH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether this node is joined and agrees with its peers about the live members (see
     * {@link ClusterHealth}). The agreement part needs {@link ClusterBuilder#publishView(boolean)}
     * on every node; without it, healthy means joined with nobody suspect.
     */
    public ClusterHealth health() {
        return call(() -> {
            List<Member> members = node.members();
            String mine = ViewDigest.of(members);
            List<String> disagreeing = new ArrayList<>();
            List<String> suspects = new ArrayList<>();
            int live = 0;
            for (Member member : members) {
                if (!member.status().isLive()) {
                    continue;
                }
                live++;
                if (member.status() == MemberStatus.SUSPECT) {
                    suspects.add(member.name());
                }
                if (config.publishView() && !member.name().equals(config.nodeName())) {
                    String theirs = node.get(member.name(), VIEW_KEY)
                            .map(v -> new String(v.toArray(), java.nio.charset.StandardCharsets.US_ASCII)).orElse("");
                    if (!theirs.equals(mine)) {
                        disagreeing.add(member.name());
                    }
                }
            }
            String reason = joining ? "not joined: no seed has answered"
                    : !suspects.isEmpty() ? "members suspected: " + suspects
                    : !disagreeing.isEmpty() ? disagreeing.size() + " of " + (live - 1)
                            + " peers see another member list: " + disagreeing
                    : "";
            return new ClusterHealth(reason.isEmpty(), reason, live, disagreeing);
        });
    }

    /** The recorded transitions of {@code name} (when, why, on whose word), oldest first; empty if unknown. */
    public List<Transition> history(String name) {
        return call(() -> node.history(name));
    }

    /**
     * Serf's force-leave: a member this node holds as failed becomes LEFT here and the news
     * spreads; completes with what happened ({@link ForceLeave#NOT_FAILED} for a live member).
     */
    public CompletableFuture<ForceLeave> forceLeave(String name) {
        return runtime.submit(CoreStep.FORCE_LEAVE, () -> node.forceLeave(name, NodeRuntime.now(), runtime));
    }

    /**
     * Pings every live member over UDP and over TCP (Serf's {@code reachability}) and
     * completes, after {@code wait}, with who answered on which channel and how fast.
     */
    public CompletableFuture<List<Reachability>> reachability(Duration wait) {
        CompletableFuture<List<Reachability>> done = new CompletableFuture<>();
        runtime.submit(CoreStep.REACHABILITY, () -> {
            node.checkReachability(NodeRuntime.now(), runtime);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                runtime.loop().schedule(() -> done.complete(node.reachability()), wait.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        });
        return done;
    }

    /**
     * The keyring each live member reports (itself included), by member name; a member that
     * has not reported yet is absent. The key rotation workflow: {@code install} the new key on
     * every node, wait until every member {@link KeyringStatus#has} it, {@code use} it on every
     * node, wait until every member reports it as {@code primary}, then {@code remove} the old one.
     */
    public Map<String, KeyringStatus> keyringStatus() {
        Map<String, KeyringStatus> status = new java.util.TreeMap<>();
        for (Member member : liveMembers()) {
            get(member.name(), KEYRING_KEY)
                    .flatMap(value -> KeyringStatus.decode(new String(value.toArray(), java.nio.charset.StandardCharsets.US_ASCII)))
                    .ifPresent(s -> status.put(member.name(), s));
        }
        return status;
    }

    /** Live members (by name) that have not reported holding {@code key}: empty when it is safe to use it. */
    public List<String> membersLacking(byte[] key) {
        String fingerprint = Keyring.fingerprint(key);
        Map<String, KeyringStatus> status = keyringStatus();
        List<String> lacking = new ArrayList<>();
        for (Member member : liveMembers()) {
            KeyringStatus reported = status.get(member.name());
            if (reported == null || !reported.has(fingerprint)) {
                lacking.add(member.name());
            }
        }
        return lacking;
    }

    /**
     * Joins through the configured seeds and, with a snapshot file, up to 16 members it
     * remembers from before a restart; see {@link #join(List)}.
     */
    public CompletableFuture<Integer> join() {
        List<String> targets = new ArrayList<>(config.seeds());
        if (!config.snapshotPath().isEmpty()) {
            for (String remembered : MemberSnapshot.rejoinCandidates(java.nio.file.Path.of(config.snapshotPath()))) {
                if (!targets.contains(remembered)) {
                    targets.add(remembered);
                }
            }
        }
        return join(targets);
    }

    /**
     * Joins through {@code seeds} ({@code host:port}; a DNS name stands for all its
     * addresses), retrying with back-off until one answers. Completes with the number of live
     * members known, or exceptionally after the join timeout; at once with an
     * {@link IllegalArgumentException} naming the entry if one is not {@code host:port}.
     */
    public CompletableFuture<Integer> join(List<String> seeds) {
        joining = true;
        CompletableFuture<Integer> joined = joiner.join(seeds);
        joined.whenComplete((count, failure) -> {
            if (failure == null) {
                joining = false;
            }
        });
        return joined;
    }

    private static void checkNotReserved(String key) {
        if (key != null && key.startsWith(RESERVED_KEY_PREFIX)) {
            throw new IllegalArgumentException("key " + key + " is reserved: keys starting with "
                    + RESERVED_KEY_PREFIX + " are written by the runtime");
        }
    }

    /** This node's identity as other members see it. */
    public NodeId id() {
        return node.self();
    }

    /**
     * The host a seed saw this node's join come from (empty before a seed answered). If it
     * differs from {@code id().address().host()}, the advertise address is probably wrong.
     */
    public String observedHost() {
        return call(() -> node.observedHost());
    }

    /** The address the UDP and TCP sockets are bound to. */
    public InetSocketAddress boundAddress() {
        return transport.bound();
    }

    /** Every member this node knows, itself and tombstones included. */
    public List<Member> members() {
        return call(() -> node.members());
    }

    /** Members currently alive or suspect, this node included. */
    public List<Member> liveMembers() {
        List<Member> live = new ArrayList<>();
        for (Member member : members()) {
            if (member.status().isLive()) {
                live.add(member);
            }
        }
        return live;
    }

    /** This node's own entry. */
    public Member localMember() {
        return call(() -> node.member(config.nodeName()).orElseThrow());
    }

    /** Writes this node's {@code key} (CONTROL class, no TTL). */
    public CompletableFuture<KeyChange> put(String key, byte[] value) {
        return put(key, value, KeyPriority.CONTROL, Duration.ZERO);
    }

    /** Writes this node's {@code key}; a zero {@code ttl} means none. Fails on a limit. */
    public CompletableFuture<KeyChange> put(String key, byte[] value, KeyPriority priority, Duration ttl) {
        checkNotReserved(key);
        byte[] copy = value.clone();
        return runtime.submit(CoreStep.PUT,
                () -> node.put(key, copy, priority, ttl.toNanos(), NodeRuntime.now(), runtime));
    }

    /** Deletes this node's {@code key}; empty if it held no live value. */
    public CompletableFuture<Optional<KeyChange>> delete(String key) {
        checkNotReserved(key);
        return runtime.submit(CoreStep.DELETE, () -> node.delete(key, NodeRuntime.now(), runtime));
    }

    /** {@code node}'s {@code key} as this node holds it. */
    public Optional<Bytes> get(String node, String key) {
        return call(() -> this.node.get(node, key));
    }

    /** {@code node}'s live keys as this node holds them. */
    public Map<String, Bytes> entries(String node) {
        return call(() -> this.node.entries(node));
    }

    /**
     * Drives the application service installed on {@code channel} ({@link ClusterBuilder#service}):
     * runs {@code action} on the node's event loop with the service and a context whose sends and
     * writes go out when it returns. The future fails with the action's exception, or with an
     * {@link IllegalArgumentException} when no service of {@code type} is on that channel.
     */
    public <S extends io.grapevine.core.service.Service, R> CompletableFuture<R> callService(String channel,
            Class<S> type, java.util.function.BiFunction<S, io.grapevine.core.service.ServiceContext, R> action) {
        return runtime.submit(CoreStep.SERVICE,
                () -> node.callService(channel, type, NodeRuntime.now(), runtime, action));
    }

    /** Fires a user event to every member (delivered here too). Fails if the payload is too large. */
    public CompletableFuture<DeliveredEvent> broadcast(String name, byte[] payload) {
        byte[] copy = payload.clone();
        return runtime.submit(CoreStep.BROADCAST, () -> node.fireEvent(name, copy, NodeRuntime.now(), runtime));
    }

    /**
     * The shared map {@code name}: keys any member may write, held by {@code rf} replicas and
     * repaired by Merkle trees (see {@link SharedMap}). Cheap: a view, not a resource.
     *
     * @throws IllegalArgumentException if {@code name} is empty or contains '/'
     */
    public SharedMap sharedMap(String name) {
        return new SharedMap(name, shared);
    }

    /**
     * Shared-keyspace counters: entries this node holds (tombstones included), Merkle repairs
     * it opened, entries that won here through repair, and its closed-loop ring repairs (each
     * one that ends here is also a {@link ClusterEvent.RingRepairCompleted} to the listeners).
     */
    public SharedKeyspaceStats sharedStats() {
        return call(shared::stats);
    }

    /** Every shared entry this node holds (tombstones included), by key: for tests and diagnostics. */
    Map<String, io.grapevine.core.wire.SharedEntry> sharedSnapshot() {
        return call(shared::snapshot);
    }

    /** Listens to every cluster event, on the event thread. */
    public void addListener(Consumer<ClusterEvent> listener) {
        events.add(listener);
    }

    /**
     * Listens to every cluster event, on the event thread, with the wall-clock time
     * ({@link System#currentTimeMillis()}, ms) at which the protocol loop emitted it: when this
     * node learned it, however long earlier listeners and events kept the event thread busy.
     */
    public void addTimedListener(BiConsumer<ClusterEvent, Long> listener) {
        events.addTimed(listener);
    }

    /** The keyring, or empty in plaintext mode. */
    public Optional<Keyring> keyring() {
        return Optional.ofNullable(keyring);
    }

    /** A snapshot of counters. */
    public ClusterMetrics metrics() {
        return call(() -> {
            Map<MemberStatus, Integer> byStatus = new EnumMap<>(MemberStatus.class);
            for (Member member : node.members()) {
                byStatus.merge(member.status(), 1, Integer::sum);
            }
            return new ClusterMetrics(byStatus, node.metrics(), runtime.drops(), runtime.coreFailures());
        });
    }

    /**
     * Leaves gracefully: the leave is disseminated at top priority, and the future completes
     * once it has been fully retransmitted or the leave timeout passed.
     */
    public CompletableFuture<Void> leave() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = NodeRuntime.now() + config.leaveTimeoutNanos();
        runtime.submit(CoreStep.LEAVE, () -> {
            node.leave(NodeRuntime.now(), runtime);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                runtime.loop().execute(() -> awaitLeave(done, deadline));
            }
        });
        return done;
    }

    private void awaitLeave(CompletableFuture<Void> done, long deadline) {
        if (node.leaveSpread() || NodeRuntime.now() >= deadline) {
            if (snapshot != null) {
                snapshot.markLeft();
            }
            done.complete(null);
            return;
        }
        runtime.loop().schedule(() -> awaitLeave(done, deadline), 20, TimeUnit.MILLISECONDS);
    }

    /** Stops the node without leaving (others will detect it as failed) and releases everything. */
    @Override
    public void close() {
        joiner.cancel();
        if (snapshot != null) {
            snapshot.close();
        }
        try {
            runtime.loop().submit(() -> {
                shared.failPending();
                runtime.close();
            }).get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // the loop is already gone: nothing left to stop on it
        }
        transport.close();
        events.close();
        shared.closeStore();
    }

    private <T> T call(Callable<T> query) {
        try {
            if (runtime.loop().inEventLoop()) {
                return query.call();
            }
            return runtime.loop().submit(query).get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("node did not answer within " + QUERY_TIMEOUT_SECONDS + " s", e);
        }
    }
}
