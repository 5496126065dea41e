package io.grapevine.core.detector;

import io.grapevine.core.membership.Suspicions;
import io.grapevine.core.membership.ZoneView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suspicions this node holds, one per suspect member, with Lifeguard timeouts, the
 * pause-tolerance rule ({@link DetectorConfig#pauseToleranceNanos()}) and the optional quorum rule. Insertion-ordered, so expiry order is deterministic. Confined to the
 * node's thread.
 */
public final class LifeguardSuspicions implements Suspicions {
    private final DetectorConfig config;
    private final Map<String, Suspicion> byName = new LinkedHashMap<>();
    private final ZoneView zones;

    /** Suspicions timed by {@code config}, every member with the same (LAN) timings. */
    public LifeguardSuspicions(DetectorConfig config) {
        this(config, null);
    }

    /**
     * Suspicions timed by {@code config}, except that a member of another zone of {@code zones}
     * gets the WAN timings: Lifeguard's minimum from {@code wanSuspicionMult} and
     * {@code wanProbeIntervalNanos}, and no pause-tolerance shortcut (its silence may be the
     * wide-area link's). {@code zones} may be null (flat).
     */
    public LifeguardSuspicions(DetectorConfig config, ZoneView zones) {
        this.config = config;
        this.zones = zones;
    }

    @Override
    public void start(String name, String origin, long nowNanos, int liveCount) {
        if (zones != null && !zones.flat() && !zones.localName(name)) {
            startWan(name, origin, nowNanos, liveCount);
            return;
        }
        long min = Suspicion.minTimeoutNanos(config.suspicionMult(), liveCount, config.probeIntervalNanos());
        long grace = config.lifeguard() ? config.silenceDeadlineNanos() : Long.MAX_VALUE;
        if (grace != Long.MAX_VALUE) {
            // a suspicion starts at least a probe period after the probe that raised it: nobody
            // may give up on a member before the pause-tolerance rule would
            min = Math.max(min, grace - config.probeIntervalNanos());
        }
        long max = config.lifeguard() ? min * config.suspicionMaxTimeoutMult() : min;
        int k = config.suspicionMult() - 2;
        if (!config.lifeguard() || liveCount - 2 < k) {
            k = 0;
        }
        put(name, new Suspicion(origin, nowNanos, min, max, k, remembered(liveCount), grace));
    }

    private void startWan(String name, String origin, long nowNanos, int liveCount) {
        long min = Suspicion.minTimeoutNanos(zones.config().wanSuspicionMult(), liveCount,
                zones.config().wanProbeIntervalNanos());
        long max = config.lifeguard() ? min * config.suspicionMaxTimeoutMult() : min;
        int k = zones.config().wanSuspicionMult() - 2;
        if (!config.lifeguard() || liveCount - 2 < k) {
            k = 0;
        }
        put(name, new Suspicion(origin, nowNanos, min, max, k, remembered(liveCount), Long.MAX_VALUE));
    }

    private int remembered(int liveCount) {
        return config.quorumFailureDetection() ? Math.max(liveCount, config.confirmersRemembered())
                : config.confirmersRemembered();
    }

    private void put(String name, Suspicion suspicion) {
        byName.remove(name);
        byName.put(name, suspicion);
    }

    /**
     * The members suspected on {@code origin}'s word, oldest suspicion first: with this node's
     * own name, the suspicions it raised itself and must keep telling their suspects about.
     */
    List<String> raisedBy(String origin) {
        List<String> names = List.of();
        for (Map.Entry<String, Suspicion> e : byName.entrySet()) {
            if (e.getValue().origin().equals(origin)) {
                if (names.isEmpty()) {
                    names = new ArrayList<>();
                }
                names.add(e.getKey());
            }
        }
        return names;
    }

    /** This node's own probe of {@code name}, sent at {@code probeSentNanos}, went unanswered (see {@link Suspicion#observedSilence}). */
    void observedSilence(String name, long probeSentNanos) {
        Suspicion suspicion = byName.get(name);
        if (suspicion != null) {
            suspicion.observedSilence(probeSentNanos);
        }
    }

    @Override
    public boolean confirm(String name, String from) {
        Suspicion suspicion = byName.get(name);
        return suspicion != null && suspicion.confirm(from);
    }

    @Override
    public void expedite(String name, long deadlineNanos, String evidence) {
        Suspicion suspicion = byName.get(name);
        if (suspicion != null) {
            suspicion.expedite(deadlineNanos, evidence);
        }
    }

    @Override
    public String clear(String name) {
        Suspicion suspicion = byName.remove(name);
        if (suspicion == null) {
            return "";
        }
        String because = suspicion.evidence().isEmpty() ? "" : " (" + suspicion.evidence() + ")";
        return "suspected by " + suspicion.origin() + because + ", confirmed by " + suspicion.confirmers();
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

    @Override
    public boolean quorumArrived(String name, int liveCount) {
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

    /**
     * If this node owes the suspect {@code name} a last word ({@link Suspicion#owesLastWord}),
     * records it as sent and holds the suspicion until {@code untilNanos}; returns whether it
     * did (and the caller must send it).
     */
    boolean giveLastWord(String name, long untilNanos) {
        Suspicion suspicion = byName.get(name);
        if (suspicion == null || !suspicion.owesLastWord()) {
            return false;
        }
        suspicion.lastWordSent();
        holdUntil(name, untilNanos);
        return true;
    }

    /** Postpones {@code name}'s suspicion so that it expires no sooner than {@code untilNanos}. */
    void holdUntil(String name, long untilNanos) {
        Suspicion suspicion = byName.get(name);
        if (suspicion != null && suspicion.deadlineNanos() < untilNanos) {
            suspicion.postpone(untilNanos - suspicion.deadlineNanos());
        }
    }

    /** Shifts every suspicion by {@code nanos}: time this node was stalled and could hear no refutation. */
    void postponeAll(long nanos) {
        for (Suspicion suspicion : byName.values()) {
            suspicion.postpone(nanos);
        }
    }
}
