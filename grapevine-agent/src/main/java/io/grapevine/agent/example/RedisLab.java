package io.grapevine.agent.example;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * N {@code redis-server --cluster-enabled yes} processes on 127.0.0.1 (ports from a free range,
 * files in a temporary directory), made a cluster by {@code redis-cli --cluster create ...
 * --cluster-replicas R --cluster-yes}, the way Redis's users do it, and ready once every node reports
 * {@code cluster_state:ok} with all N known and every replica's link to its master is up (a replica
 * that never synced refuses to fail over: {@code cluster-replica-validity-factor}). The master
 * starts a replica's sync at once ({@code repl-diskless-sync-delay 0}, not the default 5 s). {@link #close()} kills every
 * process (SIGKILL) and a shutdown hook does so if the JVM exits first. Not thread-safe.
 */
final class RedisLab implements AutoCloseable {
    private static final int FIRST_PORT = 21_000;
    private static final int LAST_PORT = 29_000;
    private static final int TIMEOUT_MS = 2000;

    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<RespClient> clients = new ArrayList<>();
    private final java.util.Set<Integer> killed = new java.util.TreeSet<>();
    private final Path dir;
    private final Thread hook;

    private RedisLab(Path dir) {
        this.dir = dir;
        this.hook = new Thread(this::killAll, "redis-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A node as {@code CLUSTER NODES} describes it. */
    record RedisNode(String id, int port, boolean master, String masterId, List<int[]> ranges, boolean failed) {
        boolean owns(int slot) {
            for (int[] range : ranges) {
                if (slot >= range[0] && slot <= range[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Starts {@code n} servers and creates the cluster; waits until every node reports {@code cluster_state:ok}. */
    static RedisLab start(int n, int replicas, int nodeTimeoutMs) throws IOException, InterruptedException {
        RedisLab lab = new RedisLab(Files.createTempDirectory("grapevine-redis-"));
        try {
            int base = freeBase(n);
            for (int i = 0; i < n; i++) {
                lab.spawn(base + i, nodeTimeoutMs);
            }
            for (int port : lab.ports) {
                lab.clients.add(connect(port));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            for (int port : lab.ports) {
                create.add("127.0.0.1:" + port);
            }
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
            Process cli = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(lab.dir.resolve("create.log").toFile()).start();
            if (!cli.waitFor(180, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IOException("redis-cli --cluster create failed; see " + lab.dir.resolve("create.log"));
            }
            lab.awaitOk(n, 120_000);
            return lab;
        } catch (IOException | InterruptedException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private static int freeBase(int n) throws IOException {
        for (int base = FIRST_PORT; base + n < LAST_PORT; base += 100) {
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                free = isFree(p) && isFree(p + 10_000);
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free range of " + n + " ports in " + FIRST_PORT + ".." + LAST_PORT);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void spawn(int port, int nodeTimeoutMs) throws IOException {
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", Integer.toString(nodeTimeoutMs), "--dir", dir.toString(), "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--repl-diskless-sync-delay", "0", "--logfile", dir.resolve(port + ".log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(port + ".out").toFile()).start();
        processes.add(p);
        ports.add(port);
    }

    private static RespClient connect(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                RespClient client = new RespClient(port, TIMEOUT_MS);
                client.text("PING");
                return client;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("redis on port " + port + " did not answer: " + e.getMessage(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private void awaitOk(int n, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        for (int i = 0; i < clients.size(); i++) {
            while (true) {
                String info = clients.get(i).text("CLUSTER", "INFO");
                String replication = clients.get(i).text("INFO", "replication");
                boolean synced = !replication.contains("role:slave") || replication.contains("master_link_status:up");
                if (info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + n + "\r") && synced) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("redis on port " + ports.get(i) + " not ok in " + timeoutMs + " ms: " + info);
                }
                Thread.sleep(50);
            }
        }
    }

    int size() {
        return ports.size();
    }

    boolean isUp(int i) {
        return !killed.contains(i) && processes.get(i).isAlive();
    }

    /** Sends a command to node {@code i}. */
    String command(int i, String... args) throws IOException {
        return clients.get(i).text(args);
    }

    /** Node {@code i}'s {@code CLUSTER NODES}, parsed, by id in its order. */
    Map<String, RedisNode> nodes(int i) throws IOException {
        Map<String, RedisNode> nodes = new LinkedHashMap<>();
        for (String line : command(i, "CLUSTER", "NODES").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 8) {
                continue;
            }
            String address = f[1];
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
            List<int[]> ranges = new ArrayList<>();
            for (int k = 8; k < f.length; k++) {
                if (!f[k].startsWith("[")) {
                    int dash = f[k].indexOf('-');
                    int first = Integer.parseInt(dash < 0 ? f[k] : f[k].substring(0, dash));
                    int last = dash < 0 ? first : Integer.parseInt(f[k].substring(dash + 1));
                    ranges.add(new int[] {first, last});
                }
            }
            boolean failed = f[2].contains("fail") && !f[2].contains("fail?");
            nodes.put(f[0], new RedisNode(f[0], port, f[2].contains("master"), f[3], ranges, failed));
        }
        return nodes;
    }

    /** Index of the process listening on {@code port}. */
    int indexOfPort(int port) {
        return ports.indexOf(port);
    }

    /** Kills node {@code i}'s process with SIGKILL. */
    void kill(int i) {
        killed.add(i);
        clients.get(i).close();
        processes.get(i).destroyForcibly();
    }

    private void killAll() {
        for (RespClient client : clients) {
            client.close();
        }
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
