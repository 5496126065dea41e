package io.grapevine.bench.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Grapevine nodes in N separate JVMs ({@link NodeMain}), each started once with
 * {@code jvmFlags} and reused across runs; a JVM killed by S2 is replaced at the next run.
 */
final class ProcessCluster implements ClusterUnderTest {
    private static final long READY_TIMEOUT_MILLIS = 120_000;
    /**
     * AES-GCM overhead per packet: version byte, 12-byte nonce, 16-byte tag. The core counts
     * bytes before encryption; PacketCipher.OVERHEAD_BYTES says the same but is package-private.
     */
    static final int CIPHER_OVERHEAD_BYTES = 1 + 12 + 16;

    private final int size;
    private final int directMailFanout;
    private final List<String> jvmFlags;
    private final Path logDir;
    private final ChildProcess[] children;
    private final Observations observations = new Observations();
    private final SecureRandom random = new SecureRandom();
    private int epoch;
    private int seedPort;

    ProcessCluster(int size, int directMailFanout, List<String> jvmFlags, Path logDir) {
        this.directMailFanout = directMailFanout;
        this.size = size;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.logDir = logDir;
        this.children = new ChildProcess[size];
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

    private ChildProcess launch(int i) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NodeMain.class.getName()));
        Files.createDirectories(logDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(logDir.resolve("grapevine-" + name(i) + ".err").toFile());
        return new ChildProcess(builder, name(i), line -> onLine(i, line));
    }

    private void onLine(int node, String line) {
        if (line.startsWith("EV " + epoch + " ")) {
            observations.addRaw(node, System.currentTimeMillis(), line);
        }
        LineParser.parse(node, epoch, line).ifPresent(observations::add);
    }

    @Override
    public void startFresh(boolean quiet) throws Exception {
        epoch++;
        observations.clear();
        for (int i = 0; i < size; i++) {
            if (children[i] == null || !children[i].alive()) {
                children[i] = launch(i);
            }
            children[i].drain();
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        for (int i = 0; i < size; i++) {
            children[i].send("start " + epoch + " " + name(i) + " " + encoded + " " + directMailFanout);
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        for (int i = 0; i < size; i++) {
            String ready = children[i].await("READY " + epoch + " ", deadline);
            if (i == 0) {
                seedPort = Integer.parseInt(ready.split(" ")[3]);
            }
        }
    }

    @Override
    public long joinAll() throws IOException {
        long t0 = System.currentTimeMillis();
        for (int i = 1; i < size; i++) {
            children[i].send("join " + epoch + " 127.0.0.1:" + seedPort);
        }
        return t0;
    }

    @Override
    public long kill(int i) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        children[i].kill();
        return t0;
    }

    @Override
    public long freeze(int i) throws Exception {
        long t0 = System.currentTimeMillis();
        children[i].freeze();
        return t0;
    }

    @Override
    public long leave(int i) throws IOException {
        long t0 = System.currentTimeMillis();
        children[i].send("leave " + epoch);
        return t0;
    }

    @Override
    public long fireEvent(int i, String name) throws IOException {
        long t0 = System.currentTimeMillis();
        children[i].send("event " + epoch + " " + name);
        return t0;
    }

    @Override
    public long writeKey(int i, String key, String value) throws IOException {
        long t0 = System.currentTimeMillis();
        children[i].send("put " + epoch + " " + key + " " + value);
        return t0;
    }

    @Override
    public List<ProcessHandle> processes() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ChildProcess child : children) {
            handles.add(child.process().toHandle());
        }
        return handles;
    }

    /** Core bytes sent plus the cipher's overhead per packet. */
    @Override
    public Optional<long[]> bytesSent() throws Exception {
        long[] bytes = new long[size];
        for (int i = 0; i < size; i++) {
            children[i].send("metrics " + epoch);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        for (int i = 0; i < size; i++) {
            String[] w = children[i].await("METRICS " + epoch + " ", deadline).split(" ");
            bytes[i] = Long.parseLong(w[4]) + CIPHER_OVERHEAD_BYTES * Long.parseLong(w[3]);
        }
        return Optional.of(bytes);
    }

    @Override
    public void close() {
        for (ChildProcess child : children) {
            if (child != null) {
                try {
                    child.send("exit");
                } catch (IOException e) {
                    // already gone
                }
            }
        }
        for (ChildProcess child : children) {
            if (child != null) {
                try {
                    if (!child.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        child.kill();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The log directory, for messages. */
    File logDir() {
        return logDir.toFile();
    }
}
