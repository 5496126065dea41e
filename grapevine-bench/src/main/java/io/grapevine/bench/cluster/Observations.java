package io.grapevine.bench.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reports of every node in the current run, appended by reader threads and awaited by
 * the scenario thread. Thread-safe.
 */
public final class Observations {
    private static final long POLL_MILLIS = 10;
    private final List<Observation> log = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    /** Appends one report. */
    public synchronized void add(Observation observation) {
        log.add(observation);
        notifyAll();
    }

    /** Keeps one raw line a node printed, for {@link #trace()}. */
    public synchronized void addRaw(int node, long atMillis, String line) {
        trace.add(node + "\t" + atMillis + "\t" + line);
    }

    /** Forgets everything (between runs). */
    public synchronized void clear() {
        log.clear();
        trace.clear();
    }

    /** What the nodes printed this run, one line each: node, arrival millis, the line. */
    public synchronized List<String> trace() {
        return List.copyOf(trace);
    }

    /** Every report so far, in arrival order. */
    public synchronized List<Observation> snapshot() {
        return List.copyOf(log);
    }

    /** The reports of {@code node}, ordered by time (stable for equal stamps). */
    static List<Observation> ofNode(List<Observation> all, int node) {
        List<Observation> mine = new ArrayList<>();
        for (Observation observation : all) {
            if (observation.node() == node) {
                mine.add(observation);
            }
        }
        mine.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        return mine;
    }

    /**
     * Waits until {@code reached} gives a time for every node in {@code nodes}, or until
     * {@code deadlineMillis} (epoch ms). {@code reached} maps one node's reports to the time
     * its condition first held, or empty. Returns what was reached (node to time), in node
     * order; fewer entries than nodes means the deadline passed.
     */
    public Map<Integer, Long> awaitAll(Set<Integer> nodes, Function<List<Observation>, OptionalLong> reached,
                                       long deadlineMillis) throws InterruptedException {
        Map<Integer, Long> times = new TreeMap<>();
        while (true) {
            List<Observation> all = snapshot();
            for (int node : nodes) {
                if (!times.containsKey(node)) {
                    reached.apply(ofNode(all, node)).ifPresent(at -> times.put(node, at));
                }
            }
            long left = deadlineMillis - System.currentTimeMillis();
            if (times.size() == nodes.size() || left <= 0) {
                return times;
            }
            synchronized (this) {
                wait(Math.min(left, POLL_MILLIS * 10));
            }
        }
    }

    /** The first time {@code node}'s reports show {@code wanted} members other than itself live at once. */
    public static Function<List<Observation>, OptionalLong> seesLive(Map<Integer, String> names, int wanted) {
        return reports -> {
            if (reports.isEmpty()) {
                return OptionalLong.empty();
            }
            String self = names.get(reports.get(0).node());
            Map<String, String> status = new HashMap<>();
            int live = 0;
            for (Observation report : reports) {
                if (report.kind() != Observation.Kind.STATUS || report.subject().equals(self)) {
                    continue;
                }
                boolean wasLive = isLive(status.get(report.subject()));
                status.put(report.subject(), report.detail());
                live += (isLive(report.detail()) ? 1 : 0) - (wasLive ? 1 : 0);
                if (live >= wanted) {
                    return OptionalLong.of(report.atMillis());
                }
            }
            return OptionalLong.empty();
        };
    }

    private static boolean isLive(String status) {
        return "ALIVE".equals(status) || "SUSPECT".equals(status);
    }

    /** The first report at or after {@code fromMillis} that {@code member} is live (alive or suspect). */
    public static Function<List<Observation>, OptionalLong> firstLive(String member, long fromMillis) {
        return reports -> {
            for (Observation report : reports) {
                if (report.kind() == Observation.Kind.STATUS && report.subject().equals(member)
                        && report.atMillis() >= fromMillis && isLive(report.detail())) {
                    return OptionalLong.of(report.atMillis());
                }
            }
            return OptionalLong.empty();
        };
    }

    /** The first report at or after {@code fromMillis} matching kind, subject and (non-empty) detail. */
    public static Function<List<Observation>, OptionalLong> first(Observation.Kind kind, String subject,
                                                                  String detail, long fromMillis) {
        return reports -> {
            for (Observation report : reports) {
                if (report.kind() == kind && report.subject().equals(subject) && report.atMillis() >= fromMillis
                        && (detail.isEmpty() || report.detail().equals(detail))) {
                    return OptionalLong.of(report.atMillis());
                }
            }
            return OptionalLong.empty();
        };
    }
}
