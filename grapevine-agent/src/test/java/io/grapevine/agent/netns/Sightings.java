package io.grapevine.agent.netns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which statuses each agent was seen holding each other member at, sampled through the HTTP API
 * during a fault: "n3 held n1 dead at some sample". Sampling can miss a status held briefly
 * between two samples; it never invents one.
 */
final class Sightings {
    private final NetnsCluster cluster;
    private final long startNanos;
    /** "nX holds nY" to every status seen. */
    private final Map<String, Set<String>> seen = new TreeMap<>();
    /** "nX holds nY status" to when it was first seen, in nanos after the start. */
    private final Map<String, Long> firstSeen = new TreeMap<>();

    /** Sightings from now on. */
    Sightings(NetnsCluster cluster) {
        this.cluster = cluster;
        this.startNanos = System.nanoTime();
    }

    /** Samples every agent's view once. */
    void sample() {
        for (int observer = 1; observer <= cluster.size(); observer++) {
            String self = NetnsCluster.name(observer);
            cluster.view(observer).forEach((member, entry) -> {
                if (!member.equals(self)) {
                    seen.computeIfAbsent(self + " holds " + member, k -> new TreeSet<>()).add(entry.status());
                    firstSeen.putIfAbsent(self + " holds " + member + " " + entry.status(), System.nanoTime() - startNanos);
                }
            });
        }
    }

    /** Whether {@code observer} was seen holding {@code subject} at {@code status}. */
    boolean saw(int observer, int subject, String status) {
        return seen.getOrDefault(NetnsCluster.name(observer) + " holds " + NetnsCluster.name(subject), Set.of())
                .contains(status);
    }

    /** How many (observer, subject) pairs, observers in {@code observers}, were seen at {@code status}. */
    int count(List<Integer> observers, List<Integer> subjects, String status) {
        int count = 0;
        for (int observer : observers) {
            for (int subject : subjects) {
                if (observer != subject && saw(observer, subject, status)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * How long after the start every observer had been seen holding every subject at one of
     * {@code statuses} (each pair at its first such sample), if every pair was.
     */
    OptionalLong allSeenAfterNanos(List<Integer> observers, List<Integer> subjects, List<String> statuses) {
        long latest = 0;
        for (int observer : observers) {
            for (int subject : subjects) {
                String pair = NetnsCluster.name(observer) + " holds " + NetnsCluster.name(subject) + " ";
                OptionalLong first = statuses.stream().filter(s -> firstSeen.containsKey(pair + s))
                        .mapToLong(s -> firstSeen.get(pair + s)).min();
                if (first.isEmpty()) {
                    return OptionalLong.empty();
                }
                latest = Math.max(latest, first.getAsLong());
            }
        }
        return OptionalLong.of(latest);
    }

    /** {@link #allSeenAfterNanos} in words: {@code "after 6.2 s"} or {@code "never"}. */
    String whenAllSeen(List<Integer> observers, List<Integer> subjects, List<String> statuses) {
        OptionalLong nanos = allSeenAfterNanos(observers, subjects, statuses);
        return nanos.isPresent() ? String.format(Locale.ROOT, "after %.1f s", nanos.getAsLong() / 1e9) : "never";
    }

    /** Every pair seen other than alive, as {@code "n3 holds n1 dead+suspect"}, for reports. */
    String notAlive() {
        return seen.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(s -> !s.equals("alive")))
                .map(e -> e.getKey() + " " + e.getValue().stream().filter(s -> !s.equals("alive"))
                        .collect(Collectors.joining("+")))
                .collect(Collectors.joining(", "));
    }
}
