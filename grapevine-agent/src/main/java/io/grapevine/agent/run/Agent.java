package io.grapevine.agent.run;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.core.base.Address;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterBuilder;
import io.grapevine.net.Keyring;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: one {@link Cluster} node started from an {@link AgentConfig}, with its
 * {@link AgentService}s. {@link #start} binds the gossip port, writes the tags, starts the
 * services in order and begins joining (the seeds, and the members remembered in the data dir);
 * {@link #close} leaves gracefully (bounded by {@link #LEAVE_TIMEOUT}), closes the services in
 * reverse and then the node. {@code grapevine agent} calls {@code close} from its SIGTERM/SIGINT
 * shutdown hook.
 *
 * <p>Thread-safe: {@link #cluster()} is the thread-safe Cluster API; {@link #close} and
 * {@link #halt} may be called from any thread, any number of times: the first stops the agent,
 * later calls wait for that stop to finish.
 */
public final class Agent implements AutoCloseable {
    /** Longest a graceful leave waits for the leave to spread before the node closes anyway. */
    public static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    /** Longest a tag write at start may take (a local write: it only queues the update). */
    private static final Duration TAG_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentConfig config;
    private final Cluster cluster;
    private final Optional<DataDir> dataDir;
    private final List<AgentService> services = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile CompletableFuture<Integer> joined = new CompletableFuture<>();

    private Agent(AgentConfig config, Cluster cluster, Optional<DataDir> dataDir) {
        this.config = config;
        this.cluster = cluster;
        this.dataDir = dataDir;
    }

    /**
     * Starts an agent: binds, writes the tags, starts {@code services} in order, then joins in the
     * background ({@link #joined()}).
     *
     * @param config what to run
     * @param services started in this order, closed in reverse ({@link AgentServices#standard} for the CLI's)
     * @return the running agent
     * @throws AgentStartException one line naming the flag or service at fault; nothing is left running
     */
    public static Agent start(AgentConfig config, List<AgentService> services) {
        Optional<DataDir> dataDir = config.dataDirectory().map(DataDir::open);
        if (Rehearsal.enabled()) {
            Rehearsal.run(config.profile().core(), config.encryption().mode() != Encryption.Mode.PLAINTEXT);
        }
        Cluster cluster;
        try {
            cluster = builder(config, dataDir).start();
        } catch (AgentStartException e) {
            dataDir.ifPresent(Agent::release);
            throw e;
        } catch (RuntimeException e) {
            dataDir.ifPresent(Agent::release);
            throw new AgentStartException("cannot start the node on --bind " + config.bind() + ": " + reason(e), e);
        }
        Agent agent = new Agent(config, cluster, dataDir);
        try {
            agent.writeTags();
            agent.startServices(services);
        } catch (AgentStartException e) {
            try {
                agent.stop(false);
            } catch (IllegalStateException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        LOG.info("agent {} started: gossip on {} (bound {}), profile {}, {}", config.nodeName(),
                cluster.id().address(), format(cluster.boundAddress().getAddress().getHostAddress(),
                        cluster.boundAddress().getPort()), config.profile().flagValue(), config.encryption());
        agent.joined = agent.join();
        return agent;
    }

    private static ClusterBuilder builder(AgentConfig config, Optional<DataDir> dataDir) {
        ClusterBuilder builder = Cluster.builder(config.nodeName())
                .bind(config.bind().host(), config.bind().port())
                .seeds(config.join().toArray(String[]::new))
                .core(config.core())
                .leaveTimeout(LEAVE_TIMEOUT)
                // GET /v1/health compares member views: every agent publishes its view digest
                .publishView(true);
        AdvertiseAddress.choose(config).ifPresent(a -> builder.advertise(a.host(), a.port()));
        keyring(config.encryption()).ifPresentOrElse(builder::keyring, builder::plaintext);
        dataDir.ifPresent(dir -> builder.snapshot(dir.snapshotFile()));
        return builder;
    }

    private static Optional<Keyring> keyring(Encryption encryption) {
        return switch (encryption.mode()) {
            case KEY -> Optional.of(Keyring.ofBase64(encryption.value()));
            case KEYRING_FILE -> Optional.of(KeyringFile.read(Path.of(encryption.value())));
            case PLAINTEXT -> Optional.empty();
        };
    }

    private void writeTags() {
        for (Map.Entry<String, String> tag : config.tags().entrySet()) {
            try {
                cluster.put(tag.getKey(), tag.getValue().getBytes(StandardCharsets.UTF_8))
                        .get(TAG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentStartException("interrupted while writing --tag " + tag.getKey(), e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                throw new AgentStartException("--tag " + tag.getKey() + " could not be written: " + reason(e), e);
            }
        }
    }

    private void startServices(List<AgentService> toStart) {
        AgentContext context = new AgentContext(config, cluster, this::requestShutdown);
        for (AgentService service : toStart) {
            try {
                service.start(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentStartException("interrupted while starting " + service.name(), e);
            } catch (Exception e) {
                throw new AgentStartException("cannot start " + service.name() + ": " + reason(e), e);
            }
            services.add(service);
        }
    }

    /**
     * Joins through the seeds and the remembered members; alone (completed with 1) when there are
     * none. A join that times out leaves the agent running alone: another member may join it, or an
     * operator may join it to one later.
     */
    private CompletableFuture<Integer> join() {
        boolean remembers = dataDir.map(d -> Files.isRegularFile(d.snapshotFile())).orElse(false);
        if (config.join().isEmpty() && !remembers) {
            LOG.info("no --join given{}: running alone until a member joins this one",
                    dataDir.isPresent() ? " and the data dir remembers no member" : "");
            return CompletableFuture.completedFuture(1);
        }
        return cluster.join().handle((members, failure) -> {
            if (failure == null) {
                LOG.info("joined: {} live members", members);
                return members;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (config.join().isEmpty() && cause instanceof IllegalArgumentException) {
                // Cluster.join() had no target: the snapshot records a graceful leave, or no other member
                LOG.info("not rejoining: the data dir records a graceful leave or no other member; "
                        + "running alone until a member joins this one");
                return 1;
            }
            LOG.warn("join failed: {}; running alone until a member joins this one", reason(cause));
            throw new java.util.concurrent.CompletionException(cause);
        });
    }

    /**
     * The configuration this agent runs with.
     *
     * @return the configuration
     */
    public AgentConfig config() {
        return config;
    }

    /**
     * The running node.
     *
     * @return the Cluster API of this agent's node
     */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * The background join started by {@link #start}.
     *
     * @return completes with the number of live members once joined (1 when there was nothing to
     *         join), or exceptionally when no seed answered within the join timeout
     */
    public CompletableFuture<Integer> joined() {
        return joined.copy();
    }

    /**
     * Completes when the agent has stopped ({@link #close} or {@link #halt} finished).
     *
     * @return a future that never completes exceptionally
     */
    public CompletableFuture<Void> stopped() {
        return stopped.copy();
    }

    /**
     * The one-line startup banner: {@code grapevine agent: node=NAME gossip=HOST:PORT http=HOST:PORT
     * profile=P encryption=on|off}, plus what services add. {@code gossip} is the address members
     * reach this node at; {@code http} the HTTP API's bound address when it reports one.
     *
     * @return the banner line
     */
    public String banner() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("node", config.nodeName());
        fields.put("gossip", cluster.id().address().toString());
        fields.put("http", config.httpAddr().toString());
        fields.put("profile", config.profile().flagValue());
        fields.put("encryption", cluster.keyring().isPresent() ? "on" : "off");
        dataDir.ifPresent(dir -> fields.put("data-dir", dir.path().toString()));
        for (AgentService service : services) {
            fields.putAll(service.banner());
        }
        StringBuilder line = new StringBuilder("grapevine agent:");
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    private void requestShutdown() {
        Thread stopper = new Thread(this::close, "grapevine-agent-stop");
        stopper.setDaemon(false);
        stopper.start();
    }

    /**
     * Leaves gracefully (at most {@link #LEAVE_TIMEOUT}; skipped when no other member is alive, as
     * there is no one to tell), then closes the services in reverse and the node; with a data dir,
     * the leave is remembered, so a restart does not rejoin on its own.
     *
     * @throws IllegalStateException after everything is closed, if a service failed to close (each
     *                               failure attached as suppressed)
     */
    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops without leaving, as a crash would: the other members detect this node as failed, and a
     * restart from the data dir rejoins the members it remembers.
     *
     * @throws IllegalStateException after everything is closed, if a service failed to close
     */
    public void halt() {
        stop(false);
    }

    private void stop(boolean leave) {
        if (!stopping.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        try {
            if (leave) {
                leave();
            }
            for (int i = services.size() - 1; i >= 0; i--) {
                AgentService service = services.get(i);
                try {
                    service.close();
                } catch (RuntimeException e) {
                    LOG.warn("{} did not close cleanly: {}", service.name(), reason(e));
                    failures.add(e);
                }
            }
            cluster.close();
            dataDir.ifPresent(Agent::release);
            LOG.info("agent {} stopped", config.nodeName());
        } finally {
            stopped.complete(null);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(failures.size() + " service(s) failed to close");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void leave() {
        if (cluster.liveMembers().size() <= 1) {
            // no one to tell: the leave rumor could never spread, and waiting would only delay the exit
            LOG.info("no other live member: stopping without a leave");
            return;
        }
        LOG.info("leaving the cluster (at most {} s)", LEAVE_TIMEOUT.toSeconds());
        try {
            // Cluster.leave() itself gives up after LEAVE_TIMEOUT; the extra second bounds a stuck loop
            cluster.leave().get(LEAVE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            LOG.info("left the cluster");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while leaving; closing without waiting for the leave to spread");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("leave did not complete ({}); closing anyway: members will see this node fail", reason(e));
        }
    }

    private static void release(DataDir dir) {
        try {
            dir.close();
        } catch (java.io.IOException e) {
            LOG.warn("cannot release the data dir lock {}: {}", dir.path(), e.toString());
        }
    }

    private static String format(String host, int port) {
        return new Address(host, port).toString();
    }

    /**
     * The innermost message worth showing in one line.
     *
     * @param e a failure, possibly wrapped by a future
     * @return its first line of message, or its class name when it has none
     */
    static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
