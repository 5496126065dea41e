package io.grapevine.core;

import io.grapevine.core.detector.Suspicion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suspicions this node holds, one per suspect member, with Lifeguard timeouts and the
 * optional quorum rule. Insertion-ordered, so expiry order is deterministic.
 */
final class Suspicions {
    private static final int MAX_CONFIRMERS_REMEMBERED = 64;

    private final CoreConfig config;
    private final Map<String, Suspicion> byName = new LinkedHashMap<>();

    Suspicions(CoreConfig config) {
        this.config = config;
    }

    /** Starts (or restarts) the suspicion of {@code name} raised by {@code origin}. */
    void start(String name, String origin, long incarnation, long nowNanos, int liveCount) {
        long min = Suspicion.minTimeoutNanos(config.suspicionMult(), liveCount, config.probeIntervalNanos());
        long max = config.lifeguard() ? min * config.suspicionMaxTimeoutMult() : min;
        int k = config.suspicionMult() - 2;
        if (!config.lifeguard() || liveCount - 2 < k) {
            k = 0;
        }
        int remember = config.quorumFailureDetection() ? Math.max(liveCount, MAX_CONFIRMERS_REMEMBERED)
                : MAX_CONFIRMERS_REMEMBERED;
        byName.remove(name);
        byName.put(name, new Suspicion(origin, incarnation, nowNanos, min, max, k, remember));
    }

    /** Counts {@code from} as a confirmer of the suspicion of {@code name}; true if new. */
    boolean confirm(String name, String from) {
        Suspicion suspicion = byName.get(name);
        return suspicion != null && suspicion.confirm(from);
    }

    Suspicion get(String name) {
        return byName.get(name);
    }

    Suspicion remove(String name) {
        return byName.remove(name);
    }

    /**
     * Names whose suspicion is ripe: timed out and, in quorum mode, reported by a majority of
     * the live members other than the suspect. Timed-out suspicions without a quorum wait.
     */
    List<String> ripe(long nowNanos, int liveCount) {
        List<String> ripe = List.of();
        for (Map.Entry<String, Suspicion> e : byName.entrySet()) {
            Suspicion suspicion = e.getValue();
            boolean timedOut = suspicion.awaitingQuorum() || suspicion.deadlineNanos() <= nowNanos;
            if (!timedOut) {
                continue;
            }
            if (config.quorumFailureDetection() && !hasQuorum(suspicion, liveCount)) {
                suspicion.awaitQuorum();
                continue;
            }
            if (ripe.isEmpty()) {
                ripe = new ArrayList<>();
            }
            ripe.add(e.getKey());
        }
        return ripe;
    }

    /** Whether {@code name}'s suspicion waits only for a quorum that it now has. */
    boolean quorumArrived(String name, int liveCount) {
        Suspicion suspicion = byName.get(name);
        return suspicion != null && suspicion.awaitingQuorum() && hasQuorum(suspicion, liveCount);
    }

    private static boolean hasQuorum(Suspicion suspicion, int liveCount) {
        int voters = liveCount - 1; // everyone live but the suspect
        return 1 + suspicion.confirmationCount() >= voters / 2 + 1;
    }

    long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Suspicion suspicion : byName.values()) {
            next = Math.min(next, suspicion.deadlineNanos());
        }
        return next;
    }

    /** Shifts every suspicion by {@code nanos}: time this node was stalled and could hear no refutation. */
    void postponeAll(long nanos) {
        for (Suspicion suspicion : byName.values()) {
            suspicion.postpone(nanos);
        }
    }

    int size() {
        return byName.size();
    }
}
