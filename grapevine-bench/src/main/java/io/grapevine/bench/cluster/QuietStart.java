package io.grapevine.bench.cluster;

import java.util.List;

/**
 * Waits, before a scenario's clock starts, until the node processes have finished starting
 * up: until together they used, over a {@link #WINDOW_MILLIS} window, less than {@link
 * #BASE_CPUS} plus {@link #PER_NODE_CPUS} per process of a CPU (an idle LAN node uses about
 * 0.006), and less than half the machine's CPUs; for at most {@link #MAX_WAIT_MILLIS}. A freshly started JVM
 * keeps loading, initialising and compiling for a while after it reports ready; with 32 or 64
 * of them on two cores, a join timed at once would time their start-ups. Serf's agents (Go,
 * compiled ahead of time) are idle at once, so they pass at the first window. The same rule
 * for every system; nodes in this JVM (no processes) pass at once. Runs on the runner's thread.
 */
final class QuietStart {
    /** The quiet threshold's fixed part, in CPUs. */
    static final double BASE_CPUS = 0.10;
    /** The quiet threshold's part per process, in CPUs. */
    static final double PER_NODE_CPUS = 0.015;
    /** The window over which CPU time is compared, in ms. */
    static final long WINDOW_MILLIS = 250;
    /** The longest wait; the scenario then goes on (and the caller says so). */
    static final long MAX_WAIT_MILLIS = 30_000;

    private QuietStart() {
    }

    /**
     * Waits until {@code processes} are quiet, or at most {@link #MAX_WAIT_MILLIS}.
     *
     * @return true when they became quiet, false when the wait ran out
     */
    static boolean await(List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000L;
        double before = ProcStat.totalCpuSeconds(processes);
        while (System.nanoTime() < deadline) {
            Thread.sleep(WINDOW_MILLIS);
            double now = ProcStat.totalCpuSeconds(processes);
            if (isQuiet(now - before, WINDOW_MILLIS, processes.size(), Runtime.getRuntime().availableProcessors())) {
                return true;
            }
            before = now;
        }
        return false;
    }

    /** Whether {@code cpuSeconds} used by {@code nodes} processes over {@code windowMillis} is below the quiet threshold. */
    static boolean isQuiet(double cpuSeconds, long windowMillis, int nodes, int cpus) {
        double allowed = Math.min(BASE_CPUS + PER_NODE_CPUS * nodes, 0.5 * cpus);
        return cpuSeconds < allowed * windowMillis / 1000.0;
    }
}
