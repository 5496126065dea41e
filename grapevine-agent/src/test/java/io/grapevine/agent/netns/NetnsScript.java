package io.grapevine.agent.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The harness script {@code bench/netns/netns.sh}, run from a test: namespaces {@code gvnet-1..N}
 * on a bridge, and nftables faults between them (docs/RELIABILITY.md, "Partitions in network
 * namespaces"). Every call waits for the script with a deadline and fails with its output.
 */
final class NetnsScript {
    private static final String SCRIPT = "bench/netns/netns.sh";
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private final Path script;

    private NetnsScript(Path script) {
        this.script = script;
    }

    /**
     * Why the harness cannot run here, if it cannot: it needs Linux, root, {@code ip}, {@code nft}
     * and the script in the repository.
     *
     * @return the reason, or empty when it can run
     */
    static Optional<String> whyUnavailable() {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            return Optional.of("not Linux (no /proc/self/status): network namespaces need Linux");
        }
        if (!runsAsRoot()) {
            return Optional.of("not root: network namespaces and nftables need root (CI runs as root)");
        }
        for (String tool : List.of("ip", "nft", "bash")) {
            if (onPath(tool).isEmpty()) {
                return Optional.of(tool + " is not installed (.ci/run installs nftables)");
            }
        }
        return locate().isPresent() ? Optional.empty() : Optional.of(SCRIPT + " not found above " + workingDir());
    }

    /** The script of this checkout; call only when {@link #whyUnavailable()} is empty. */
    static NetnsScript find() {
        return new NetnsScript(locate().orElseThrow());
    }

    /** Namespaces {@code gvnet-1..nodes}, leftovers removed first. */
    void up(int nodes) {
        run("up", Integer.toString(nodes));
    }

    /** Removes every namespace, interface and rule the script made. */
    void down() {
        run("down");
    }

    /** Drops {@code percent} % of what {@code node} exchanges with the other nodes, both ways. */
    void loss(int node, int percent) {
        run("loss", Integer.toString(node), Integer.toString(percent), "both");
    }

    /**
     * Drops {@code percent} % of the IPv4 UDP and TCP packets {@code node} sends to the other
     * nodes (its gossip datagrams and its streams, both directions of a connection it takes part
     * in as far as its own segments go); what it receives, and its ARP, pass.
     */
    void lossOutUdpTcp(int node, int percent) {
        run("loss", Integer.toString(node), Integer.toString(percent), "out", "udp-tcp");
    }

    /** Cuts every link between the two groups. */
    void cut(List<Integer> first, List<Integer> second) {
        run("cut", group(first), group(second));
    }

    /** Drops what {@code from} sends to {@code to}; the other way still works. */
    void oneway(int from, int to) {
        run("oneway", Integer.toString(from), Integer.toString(to));
    }

    /** Removes every fault. */
    void heal() {
        run("heal");
    }

    /**
     * Starts the script's {@code flap} in the background: {@code count} times a cut of
     * {@code periodMillis}, then as long healed. The caller waits for the process.
     */
    Process flap(List<Integer> first, List<Integer> second, long periodMillis, int count) {
        try {
            return new ProcessBuilder(command("flap", group(first), group(second), Long.toString(periodMillis),
                    Integer.toString(count))).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + script + " flap", e);
        }
    }

    /** The {@code ip} command's path, for {@code ip netns exec}; call only when {@link #whyUnavailable()} is empty. */
    static String ipCommand() {
        return onPath("ip").orElseThrow().toString();
    }

    /** The address of {@code node} in its namespace. */
    static String address(int node) {
        return "10.250.77." + node;
    }

    /** The network namespace of {@code node}. */
    static String namespace(int node) {
        return "gvnet-" + node;
    }

    private void run(String... args) {
        List<String> command = command(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " still runs after "
                        + CALL_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String group(List<Integer> nodes) {
        return String.join(" ", nodes.stream().map(String::valueOf).toList());
    }

    private static boolean runsAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return dirs.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable).findFirst();
    }

    private static Optional<Path> locate() {
        for (Path dir = workingDir(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path workingDir() {
        return Path.of("").toAbsolutePath();
    }
}
