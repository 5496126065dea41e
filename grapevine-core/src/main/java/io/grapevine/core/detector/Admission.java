package io.grapevine.core.detector;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.membership.MembershipConfig;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.dissemination.Transmitter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Admission by proof: a member this node first hears of through a datagram it cannot
 * attribute (an unknown sender, or a known sender's datagram that did not come from the
 * sender's own address) is not taken as alive on that packet's word. It becomes a
 * <em>candidate</em>: pinged at the address it claims, under its own name, and admitted only
 * when the answer comes back from that identity, at that address ({@link #answered}). The
 * probe's sequence number is drawn at random (30 bits, from {@link #SEQUENCE_BASE} upward, a
 * range the detector's counter and proof of life do not reach), so a forger who cannot
 * receive at the claimed address cannot answer: it would have to guess the number and send
 * from the claimed address. Invented members never enter the table, and a forged packet that
 * carries its own "answer" (an ack beside the claim) is refused.
 *
 * <p>Bounded against floods: at most {@code maxCandidates} at once and
 * {@code candidatesPerSecond} new ones per second (a token bucket holding one second's worth);
 * a candidate unanswered after {@code candidateTimeoutNanos} is dropped. Every refusal and
 * expiry is counted ({@link DropReason#CANDIDATES_FULL}, {@link DropReason#CANDIDATE_RATE},
 * {@link DropReason#CANDIDATE_EXPIRED}). Confined to the node's thread.
 */
public final class Admission {
    /** The lowest admission sequence number; they lie in {@code [SEQUENCE_BASE, Integer.MAX_VALUE]}. */
    static final int SEQUENCE_BASE = 1 << 30;
    private static final class Candidate {
        final NodeId id;
        final int sequence;
        final long expiresNanos;
        long incarnation;

        Candidate(NodeId id, int sequence, long expiresNanos, long incarnation) {
            this.id = id;
            this.sequence = sequence;
            this.expiresNanos = expiresNanos;
            this.incarnation = incarnation;
        }

        NodeId id() {
            return id;
        }

        int sequence() {
            return sequence;
        }

        long expiresNanos() {
            return expiresNanos;
        }
    }

    private final MembershipConfig config;
    private final Transmitter transmitter;
    private final TrafficCounters counters;
    private final RandomSource random;
    /** Seeded from {@link #random} at the first candidate, so a node that never has one draws nothing. */
    private RandomSource nonces;
    private final Map<String, Candidate> byName = new HashMap<>();
    private final Map<Integer, Candidate> bySequence = new HashMap<>();
    /** Candidates in the order they were taken, which is expiry order. */
    private final ArrayDeque<Candidate> byAge = new ArrayDeque<>();
    private double tokens;
    private long lastRefillNanos;
    private long admitted;

    /**
     * Admission probing through {@code transmitter}, with ping sequence numbers drawn from a
     * source of its own, seeded from the node's {@code random} when the first candidate comes
     * (one draw; its later draws change no other room's).
     */
    public Admission(MembershipConfig config, Transmitter transmitter, TrafficCounters counters, RandomSource random,
                     long nowNanos) {
        this.config = config;
        this.transmitter = transmitter;
        this.counters = counters;
        this.random = random;
        this.tokens = config.candidatesPerSecond();
        this.lastRefillNanos = nowNanos;
    }

    /**
     * {@code id} was heard of, at {@code incarnation}, and is unknown here: take it as a
     * candidate and ping it at its claimed address, unless it is one already (then only the
     * highest incarnation heard is kept) or a bound refuses it (counted).
     */
    public void propose(NodeId id, long incarnation, long nowNanos, PacketSink out) {
        Candidate existing = byName.get(id.name());
        if (existing != null && existing.id().equals(id)) {
            existing.incarnation = Math.max(existing.incarnation, incarnation);
            return;
        }
        expire(nowNanos);
        if (byName.size() >= config.maxCandidates()) {
            counters.drop(DropReason.CANDIDATES_FULL);
            return;
        }
        tokens = Math.min(config.candidatesPerSecond(),
                tokens + config.candidatesPerSecond() * ((nowNanos - lastRefillNanos) / 1e9));
        lastRefillNanos = nowNanos;
        if (tokens < 1) {
            counters.drop(DropReason.CANDIDATE_RATE);
            return;
        }
        tokens -= 1;
        if (existing != null) {
            forget(existing);
        }
        Candidate candidate = new Candidate(id, freshSequence(), nowNanos + config.candidateTimeoutNanos(),
                incarnation);
        byName.put(id.name(), candidate);
        bySequence.put(candidate.sequence(), candidate);
        byAge.addLast(candidate);
        transmitter.send(id.address(), new Ping(candidate.sequence(), id.name()), out);
    }

    private int freshSequence() {
        if (nonces == null) {
            nonces = new SplitMix64(random.nextLong());
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int sequence = SEQUENCE_BASE + (int) (nonces.nextLong() >>> 34);
            if (!bySequence.containsKey(sequence)) {
                return sequence;
            }
        }
        // 8 collisions among at most maxCandidates of 2^30 numbers: the source is broken
        throw new IllegalStateException("no free admission sequence number in 8 draws");
    }

    /**
     * The ack with {@code sequence} arrived in a packet from {@code responder}, sent from
     * {@code from}: the update that admits the candidate it answers (alive, at the highest
     * incarnation heard), if it is that candidate answering (same name, generation and address)
     * from the address it claims, which leaves the candidates; else {@code null} (and a
     * candidate answered from elsewhere stays a candidate).
     */
    public MemberUpdate answered(int sequence, NodeId responder, Address from) {
        Candidate candidate = bySequence.get(sequence);
        if (candidate == null || !candidate.id().equals(responder) || !candidate.id().address().equals(from)) {
            return null;
        }
        forget(candidate);
        admitted++;
        return new MemberUpdate(candidate.id(), candidate.incarnation, MemberStatus.ALIVE, candidate.id().name());
    }

    /** Whether {@code sequence} is an admission probe's. */
    public boolean owns(int sequence) {
        return bySequence.containsKey(sequence);
    }

    /** Drops the candidates whose probe went unanswered for too long. */
    public void expire(long nowNanos) {
        while (!byAge.isEmpty() && byAge.peekFirst().expiresNanos() <= nowNanos) {
            Candidate old = byAge.pollFirst();
            if (byName.get(old.id().name()) == old) {
                byName.remove(old.id().name());
                bySequence.remove(old.sequence());
                counters.drop(DropReason.CANDIDATE_EXPIRED);
            }
        }
    }

    private void forget(Candidate candidate) {
        byName.remove(candidate.id().name());
        bySequence.remove(candidate.sequence());
        // left in byAge; skipped when it reaches the head
    }

    /** When the eldest candidate expires, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        while (!byAge.isEmpty() && byName.get(byAge.peekFirst().id().name()) != byAge.peekFirst()) {
            byAge.pollFirst();
        }
        return byAge.isEmpty() ? Long.MAX_VALUE : byAge.peekFirst().expiresNanos();
    }

    /** Candidates waiting for their probe's answer. */
    public int candidates() {
        return byName.size();
    }

    /** Candidates admitted so far. */
    public long admittedCount() {
        return admitted;
    }
}
