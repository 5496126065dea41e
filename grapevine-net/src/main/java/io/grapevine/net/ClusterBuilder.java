package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fluent construction of a {@link Cluster} over an immutable, validated {@link NetConfig}.
 * Encryption is required unless {@link #plaintext()} is called explicitly.
 */
public final class ClusterBuilder {
    private final String nodeName;
    private String bindHost = "127.0.0.1";
    private int bindPort = 7946;
    private String advertiseHost = "";
    private int advertisePort;
    private List<String> seeds = List.of();
    private CoreConfig core = CoreConfig.defaults();
    private boolean plaintext;
    private Keyring keyring;
    private Duration joinTimeout = Duration.ofSeconds(60);
    private Duration leaveTimeout = Duration.ofSeconds(5);
    private String snapshotPath = "";
    private boolean publishView;
    private java.nio.file.Path dataDirectory;
    private final List<Consumer<ClusterEvent>> listeners = new ArrayList<>();
    private final List<io.grapevine.core.service.Service> services = new ArrayList<>();

    ClusterBuilder(String nodeName) {
        this.nodeName = nodeName;
    }

    /** Address and port to bind UDP and TCP to (port 0 picks a free one). */
    public ClusterBuilder bind(String host, int port) {
        this.bindHost = host;
        this.bindPort = port;
        return this;
    }

    /** Address and port other members use to reach this node (port 0: the bound port). */
    public ClusterBuilder advertise(String host, int port) {
        this.advertiseHost = host;
        this.advertisePort = port;
        return this;
    }

    /** Seeds used by {@link Cluster#join()}. */
    public ClusterBuilder seeds(String... hostPorts) {
        this.seeds = List.of(hostPorts);
        return this;
    }

    /** Protocol configuration (defaults to the LAN profile). */
    public ClusterBuilder core(CoreConfig config) {
        this.core = config;
        return this;
    }

    /** Encrypts with this keyring (AES-256-GCM; the cluster label is associated data). */
    public ClusterBuilder keyring(Keyring ring) {
        this.keyring = ring;
        return this;
    }

    /** Encrypts with one 32-byte key. */
    public ClusterBuilder encryptionKey(byte[] key) {
        return keyring(Keyring.of(key));
    }

    /** Runs without encryption. Must be explicit. */
    public ClusterBuilder plaintext() {
        this.plaintext = true;
        return this;
    }

    /** How long {@link Cluster#join} keeps trying. */
    public ClusterBuilder joinTimeout(Duration timeout) {
        this.joinTimeout = timeout;
        return this;
    }

    /** How long {@link Cluster#leave} waits for the leave to spread. */
    public ClusterBuilder leaveTimeout(Duration timeout) {
        this.leaveTimeout = timeout;
        return this;
    }

    /**
     * Keeps the members this node knows in {@code file}, so that after a restart
     * {@link Cluster#join()} also tries them (Serf's {@code -snapshot}).
     */
    public ClusterBuilder snapshot(java.nio.file.Path file) {
        this.snapshotPath = file.toString();
        return this;
    }

    /**
     * Publishes a digest of this node's member view so that {@link Cluster#health()} can tell
     * whether the members agree (see {@link NetConfig#publishView()}). Off by default.
     */
    public ClusterBuilder publishView(boolean publish) {
        this.publishView = publish;
        return this;
    }

    /**
     * Keeps this node's share of the shared keyspace ({@link Cluster#sharedMap}) in
     * {@code directory} (an H2 MVStore file, {@code shared.mv.db}), so that after a restart the
     * node serves what it held and repairs only what it missed. Without it the keyspace is
     * held in memory and a restarted node starts empty.
     */
    public ClusterBuilder dataDirectory(java.nio.file.Path directory) {
        this.dataDirectory = directory;
        return this;
    }

    /**
     * Installs an application service ({@link io.grapevine.core.service.Service}) on the node
     * before it starts: its channel's messages, timers and change notifications run on the
     * node's event loop. Drive it with {@link Cluster#callService}. One service per channel.
     */
    public ClusterBuilder service(io.grapevine.core.service.Service service) {
        services.add(java.util.Objects.requireNonNull(service, "service"));
        return this;
    }

    /** A listener registered before the node starts, so it sees every event. */
    public ClusterBuilder listener(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return this;
    }

    /** The validated configuration this builder describes. */
    public NetConfig config() {
        if (plaintext && keyring != null) {
            throw new IllegalArgumentException("plaintext and an encryption key are mutually exclusive");
        }
        if (!plaintext && keyring == null) {
            throw new IllegalArgumentException("an encryption key is required; call plaintext() to run unencrypted");
        }
        return new NetConfig(nodeName, bindHost, bindPort, advertiseHost, advertisePort, seeds, core, plaintext,
                1_000_000_000L, 5_000_000_000L, joinTimeout.toNanos(), leaveTimeout.toNanos(), snapshotPath, publishView);
    }

    /** Binds the sockets and starts the node. */
    public Cluster start() {
        NetConfig config = config();
        return Cluster.start(config, Optional.ofNullable(keyring), listeners, Optional.ofNullable(dataDirectory), services);
    }
}
