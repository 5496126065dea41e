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
import java.util.stream.Stream;

/**
 * One process starved of CPU with the cgroup v1 {@code cpu} controller: a child cgroup
 * {@value #NAME} of {@code /sys/fs/cgroup/cpu} capped at {@code quota/period} of one CPU
 * ({@code cpu.cfs_period_us}, {@code cpu.cfs_quota_us}), the process (with any descendants) and
 * a busy loop ({@code sh -c 'while :; do :; done'}) competing with it inside the cap. {@link
 * #close} kills the loop, moves the process back to the cgroup it came from and removes the
 * child cgroup; {@link #removeLeftover} does the same for a run that died half-way. Nothing but
 * this one child cgroup is created or written to, besides moving the process back.
 */
final class CpuStarvation implements AutoCloseable {
    /** The child cgroup's name, under the cpu controller's root. */
    static final String NAME = "grapevine-netns-starve";
    private static final Path CPU_ROOT = Path.of("/sys/fs/cgroup/cpu");
    private static final Path GROUP = CPU_ROOT.resolve(NAME);
    private static final long LOOP_WAIT_SECONDS = 10;
    private static final int MOVE_ROUNDS = 10;

    private final long pid;
    private final Path home;
    private final Process busyLoop;

    private CpuStarvation(long pid, Path home, Process busyLoop) {
        this.pid = pid;
        this.home = home;
        this.busyLoop = busyLoop;
    }

    /** Why a cap cannot be set here, if it cannot: it needs the cgroup v1 cpu controller, writable. */
    static Optional<String> whyUnavailable() {
        Path quota = CPU_ROOT.resolve("cpu.cfs_quota_us");
        if (!Files.isRegularFile(quota)) {
            return Optional.of("no cgroup v1 cpu controller at " + CPU_ROOT + " (no cpu.cfs_quota_us)");
        }
        if (!Files.isWritable(CPU_ROOT.resolve("cgroup.procs"))) {
            return Optional.of(CPU_ROOT + "/cgroup.procs is not writable (needs root)");
        }
        return Optional.empty();
    }

    /**
     * Caps process {@code pid} and a busy loop together at {@code quotaMicros} per
     * {@code periodMicros}.
     *
     * @param pid the process to starve
     * @param periodMicros {@code cpu.cfs_period_us}
     * @param quotaMicros {@code cpu.cfs_quota_us}
     * @return the cap, in force
     */
    static CpuStarvation cap(long pid, long periodMicros, long quotaMicros) {
        removeLeftover();
        Path home = cpuCgroupOf(pid);
        Process loop = null;
        try {
            Files.createDirectory(GROUP);
            write(GROUP.resolve("cpu.cfs_period_us"), Long.toString(periodMicros));
            write(GROUP.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros));
            loop = new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true).start();
            loop.getOutputStream().close();
            for (long moved : processAndDescendants(pid)) {
                write(GROUP.resolve("cgroup.procs"), Long.toString(moved));
            }
            write(GROUP.resolve("cgroup.procs"), Long.toString(loop.pid()));
            return new CpuStarvation(pid, home, loop);
        } catch (IOException | RuntimeException e) {
            if (loop != null) {
                loop.destroyForcibly();
            }
            moveAllBack(home);
            throw new IllegalStateException("cannot cap pid " + pid + " in " + GROUP + ": " + e, e);
        }
    }

    /** The pids in the cap now (the starved process, its threads' group, the busy loop). */
    List<Long> members() {
        return pidsIn(GROUP);
    }

    /** {@code cpu.stat} of the cap: {@code nr_periods}, {@code nr_throttled}, {@code throttled_time}. */
    String stat() {
        try {
            return String.join(" ", Files.readAllLines(GROUP.resolve("cpu.stat"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return "cpu.stat unreadable: " + e.getMessage();
        }
    }

    /** Kills the busy loop, moves the starved process back where it was and removes the cgroup. */
    @Override
    public void close() {
        busyLoop.destroyForcibly();
        try {
            busyLoop.waitFor(LOOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        moveAllBack(home);
    }

    /** Removes the cap of an earlier run that did not clean up, moving its processes to the root cgroup. */
    static void removeLeftover() {
        if (Files.isDirectory(GROUP)) {
            moveAllBack(CPU_ROOT);
        }
    }

    /** The starved process's pid. */
    long pid() {
        return pid;
    }

    private static void moveAllBack(Path home) {
        if (!Files.isDirectory(GROUP)) {
            return;
        }
        for (int round = 0; round < MOVE_ROUNDS && !pidsIn(GROUP).isEmpty(); round++) {
            for (long member : pidsIn(GROUP)) {
                try {
                    write(home.resolve("cgroup.procs"), Long.toString(member));
                } catch (UncheckedIOException e) {
                    // the process exited meanwhile (the killed loop): nothing to move
                }
            }
        }
        try {
            Files.delete(GROUP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + GROUP + " (still holds " + pidsIn(GROUP) + ")", e);
        }
    }

    private static List<Long> processAndDescendants(long pid) {
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    /** The cpu cgroup directory {@code pid} is in now, from {@code /proc/PID/cgroup}. */
    private static Path cpuCgroupOf(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String relative = lines.map(line -> line.split(":", 3)).filter(f -> f.length == 3)
                    .filter(f -> List.of(f[1].split(",")).contains("cpu")).map(f -> f[2]).findFirst().orElse("/");
            Path home = CPU_ROOT.resolve(relative.substring(1));
            return home.startsWith(GROUP) ? CPU_ROOT : home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cgroup of pid " + pid, e);
        }
    }

    private static List<Long> pidsIn(Path group) {
        try {
            return Files.readAllLines(group.resolve("cgroup.procs"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> !line.isBlank()).map(line -> Long.parseLong(line.trim())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void write(Path file, String value) {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + file, e);
        }
    }
}
