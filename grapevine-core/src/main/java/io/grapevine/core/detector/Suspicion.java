package io.grapevine.core.detector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One node's suspicion of one member, with who raised it and who confirmed it.
 *
 * <p>Lifeguard's dynamic timeout: it starts at {@code maxNanos} and shrinks towards
 * {@code minNanos} as independent confirmations {@code c} arrive, reaching the minimum after
 * {@code k} of them: {@code timeout = max(min, max - (max - min) · log(c + 1) / log(k + 1))}
 * (Dadgar et al., "Lifeguard", §4.2). With {@code k = 0} the timeout is the minimum.
 *
 * <p>The pause-tolerance rule: when this node probed the suspect itself and got no answer
 * ({@link #observedSilence}), and {@code k} confirmations are in, the suspicion expires
 * {@code silenceGraceNanos} after this node's first unanswered probe, if that is sooner. The
 * anchor is a probe this node sent, so a member paused for less than the grace (less its
 * refutation's trip) always answers in time, whatever the cluster's size.
 *
 * <p>Invariants: the origin is never counted as a confirmer; confirmers are distinct and at
 * most {@code maxConfirmers} are remembered.
 */
public final class Suspicion {
    private final String origin;
    private long startNanos;
    private final long minNanos;
    private final long maxNanos;
    private final int expectedConfirmations;
    private final int maxConfirmers;
    private final Set<String> confirmers = new LinkedHashSet<>();
    private boolean awaitingQuorum;
    /** An earlier expiry set by hard evidence (see {@link #expedite}); MAX_VALUE when none. */
    private long evidenceDeadlineNanos = Long.MAX_VALUE;
    private String evidence = "";
    private final long silenceGraceNanos;
    /** This node's first unanswered probe of the suspect; MAX_VALUE when it has none. */
    private long silentSinceNanos = Long.MAX_VALUE;
    private boolean lastWordSent;

    /**
     * A new suspicion.
     *
     * @param origin the node that raised it
     * @param startNanos when it was raised here
     * @param minNanos the shortest timeout
     * @param maxNanos the initial timeout (at least {@code minNanos})
     * @param expectedConfirmations Lifeguard's k: confirmations that bring the timeout to the minimum
     * @param maxConfirmers most confirmers remembered (bounded memory)
     * @param silenceGraceNanos the pause-tolerance rule's grace after this node's own first
     *        unanswered probe; {@code Long.MAX_VALUE} turns the rule off
     */
    public Suspicion(String origin, long startNanos, long minNanos, long maxNanos,
                     int expectedConfirmations, int maxConfirmers, long silenceGraceNanos) {
        this.origin = origin;
        this.startNanos = startNanos;
        this.minNanos = minNanos;
        this.maxNanos = Math.max(minNanos, maxNanos);
        this.expectedConfirmations = expectedConfirmations;
        this.maxConfirmers = maxConfirmers;
        this.silenceGraceNanos = silenceGraceNanos;
    }

    /** Who raised the suspicion. */
    public String origin() {
        return origin;
    }

    /** Independent confirmers, in arrival order. */
    public List<String> confirmers() {
        return List.copyOf(new ArrayList<>(confirmers));
    }

    /** Number of independent confirmations. */
    public int confirmationCount() {
        return confirmers.size();
    }

    /** Records a confirmation; true if {@code from} is new (neither origin nor a known confirmer). */
    public boolean confirm(String from) {
        if (from.equals(origin) || confirmers.size() >= maxConfirmers) {
            return false;
        }
        return confirmers.add(from);
    }

    /** The current timeout given the confirmations so far. */
    public long timeoutNanos() {
        int k = expectedConfirmations;
        if (k < 1) {
            return minNanos;
        }
        double fraction = StrictMath.log(confirmers.size() + 1.0) / StrictMath.log(k + 1.0);
        long raw = (long) (maxNanos - fraction * (maxNanos - minNanos));
        return Math.max(minNanos, raw);
    }

    /** When the suspicion expires, or {@code Long.MAX_VALUE} while it waits for a quorum. */
    public long deadlineNanos() {
        if (awaitingQuorum) {
            return Long.MAX_VALUE;
        }
        return Math.min(Math.min(startNanos + timeoutNanos(), evidenceDeadlineNanos), silenceDeadlineNanos());
    }

    /**
     * The pause-tolerance rule's deadline: {@code silenceGraceNanos} after this node's first
     * unanswered probe of the suspect, once {@code k} confirmations are in; else MAX_VALUE.
     */
    public long silenceDeadlineNanos() {
        boolean applies = silentSinceNanos != Long.MAX_VALUE && silenceGraceNanos != Long.MAX_VALUE
                && confirmers.size() >= expectedConfirmations;
        return applies ? silentSinceNanos + silenceGraceNanos : Long.MAX_VALUE;
    }

    /**
     * This node's own probe of the suspect, sent at {@code probeSentNanos}, went unanswered
     * (directly, through relays and over the stream); the earliest such probe is kept.
     */
    public void observedSilence(long probeSentNanos) {
        silentSinceNanos = Math.min(silentSinceNanos, probeSentNanos);
    }

    /**
     * Whether this node, before it gives the suspect up, still owes it a last word: it never
     * probed the suspect itself (the suspicion is others' word alone), has no hard evidence,
     * and has not yet told the suspect directly. Such a node is no accuser the suspect knows
     * of, so a member back from a pause would not refute to it directly, and its rumor may be
     * late.
     */
    public boolean owesLastWord() {
        return !lastWordSent && silentSinceNanos == Long.MAX_VALUE && evidenceDeadlineNanos == Long.MAX_VALUE;
    }

    /** The last word was sent (see {@link #owesLastWord}). */
    public void lastWordSent() {
        lastWordSent = true;
    }

    /**
     * Hard evidence that the suspect is gone (its stream port refused a connection): the
     * suspicion expires by {@code deadlineNanos} at the latest, whatever the confirmations.
     */
    public void expedite(long deadlineNanos, String what) {
        if (deadlineNanos < evidenceDeadlineNanos) {
            evidenceDeadlineNanos = deadlineNanos;
            evidence = what;
        }
    }

    /** The evidence that expedited this suspicion, or empty. */
    public String evidence() {
        return evidence;
    }

    /** Marks that the timeout passed without a quorum; the member stays suspect. */
    public void awaitQuorum() {
        awaitingQuorum = true;
    }

    /** Whether the timeout passed and only a quorum can now make it dead. */
    public boolean awaitingQuorum() {
        return awaitingQuorum;
    }

    /** Moves the start later, e.g. by the length of a stall this node just woke from. */
    public void postpone(long nanos) {
        startNanos += nanos;
        if (silentSinceNanos != Long.MAX_VALUE) {
            silentSinceNanos += nanos;
        }
        if (evidenceDeadlineNanos != Long.MAX_VALUE) {
            evidenceDeadlineNanos += nanos;
        }
    }

    /** The minimum suspicion timeout for a cluster of {@code n}: {@code mult · max(1, log10 n) · interval}. */
    public static long minTimeoutNanos(int suspicionMult, int n, long probeIntervalNanos) {
        double scale = Math.max(1.0, StrictMath.log10(Math.max(1, n)));
        return (long) (suspicionMult * scale * probeIntervalNanos);
    }
}
