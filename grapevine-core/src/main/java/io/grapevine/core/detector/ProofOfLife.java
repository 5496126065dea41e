package io.grapevine.core.detector;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.Ping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A refutation needs proof of life when the member flaps: when a member this node holds
 * SUSPECT or DEAD refutes (gossips ALIVE at a higher incarnation) and it already refuted
 * within the last {@code flappingNanos}, this node takes it back only after the member has
 * answered {@code acks} consecutive direct pings, {@code spacingNanos} apart, each within
 * {@code timeoutNanos} (the node gives a probe interval: a late answer still counts, a lost one
 * does not). A missed answer starts the streak again, at most {@code attempts}
 * times; then the refutation is dropped and the suspicion runs on, and for {@link #COOL_DOWN_NANOS}
 * no refutation of that member starts a new proof (so a member that refutes all the time but
 * rarely answers gets a few tries a minute, not hundreds). While the first ping is in
 * flight, and while a streak has at least one answer, the member's suspicion is held from
 * expiring. A healthy member falsely suspected
 * comes back at once the first time, as in SWIM (a partition's heal, a pause), unless
 * {@code firstAcks} is above 0: then a suspect member's first refutation needs that many answers
 * too (a member held DEAD is still taken back at once the first time). A persistently lossy
 * member, whose answers are mostly lost, is taken back once and then stays out instead of
 * flapping between suspect and alive; with {@code firstAcks} it is not taken back at all. A
 * refutation that had to wait for a proof counts as a refutation whether or not the proof
 * completes, so a member whose first proof failed must give the full one next.
 *
 * <p>Its pings take sequence numbers from {@code Integer.MIN_VALUE} upward, a range the
 * detector's probes (from 1 upward) never reach. Bounded by {@link #MAX_PROOFS}; beyond it a
 * refutation is taken at once, as without the rule. Confined to the node's thread.
 */
public final class ProofOfLife {
    /** Most proofs under way at once (and most members cooling down). */
    public static final int MAX_PROOFS = 1024;
    /** After a proof is given up, how long that member's refutations start no new one, in ns. */
    public static final long COOL_DOWN_NANOS = 30_000_000_000L;

    private static final class Proof {
        final NodeId id;
        MemberUpdate refutation;
        int sequence;
        long pingedAtNanos;
        long nextPingNanos;
        boolean awaiting;
        final int needed;
        final long timeoutNanos;
        int acks;
        int failures;

        Proof(NodeId id, MemberUpdate refutation, int needed, long timeoutNanos) {
            this.id = id;
            this.refutation = refutation;
            this.needed = needed;
            this.timeoutNanos = timeoutNanos;
        }
    }

    private final int acks;
    private final int firstAcks;
    private final int attempts;
    private final long spacingNanos;
    private final ToLongFunction<String> timeoutNanosOf;
    private final long flappingNanos;
    private final Transmitter transmitter;
    private final Map<String, Proof> byName = new HashMap<>();
    private final Map<Integer, Proof> bySequence = new HashMap<>();
    /** Members whose last proof was given up, until when their refutations start no new one. */
    private final java.util.LinkedHashMap<String, Long> coolingUntil = new java.util.LinkedHashMap<>();
    private int sequence = Integer.MIN_VALUE;
    private long proven;
    private long abandoned;

    /**
     * Proofs of {@code acks} answers {@code spacingNanos} apart, each within
     * {@code timeoutNanosOf} the member's name (a member across a wide-area link gets longer),
     * at most {@code attempts} tries, asked of members that refuted within {@code flappingNanos};
     * {@code firstAcks} answers of a suspect member's first refutation in that time (0: taken at once).
     */
    public ProofOfLife(int acks, int firstAcks, int attempts, long spacingNanos, ToLongFunction<String> timeoutNanosOf,
                       long flappingNanos, Transmitter transmitter) {
        this.acks = acks;
        this.firstAcks = firstAcks;
        this.attempts = attempts;
        this.spacingNanos = spacingNanos;
        this.timeoutNanosOf = timeoutNanosOf;
        this.flappingNanos = flappingNanos;
        this.transmitter = transmitter;
    }

    /** Whether the rule is on (it needs at least one answer). */
    public boolean enabled() {
        return acks > 0;
    }

    /**
     * {@code entry}, held SUSPECT or DEAD here, refuted with {@code refutation}: start (or keep
     * going) its proof. Returns false when the refutation should be taken at once instead (the
     * rule is off or too many proofs are under way).
     */
    public boolean begin(MemberEntry entry, MemberUpdate refutation, long nowNanos, PacketSink out) {
        if (!enabled()) {
            return false;
        }
        Proof proof = byName.get(entry.name());
        long refuted = entry.lastRefutedNanos();
        boolean first = refuted == Long.MIN_VALUE || nowNanos - refuted >= flappingNanos;
        if (proof == null && first && (firstAcks == 0 || entry.status() == MemberStatus.DEAD)) {
            // its first refutation in a while, or its return from the dead: taken at once
            return false;
        }
        if (proof != null && proof.id.equals(entry.id())) {
            if (refutation.incarnation() > proof.refutation.incarnation()) {
                proof.refutation = refutation;
            }
            return true;
        }
        if (proof != null) {
            forget(proof);
        }
        Long cooling = coolingUntil.get(entry.name());
        if (cooling != null) {
            if (nowNanos < cooling) {
                return true;
            }
            coolingUntil.remove(entry.name());
        }
        if (byName.size() >= MAX_PROOFS) {
            return false;
        }
        proof = new Proof(entry.id(), refutation, first ? firstAcks : acks, timeoutNanosOf.applyAsLong(entry.name()));
        byName.put(entry.name(), proof);
        ping(proof, nowNanos, out);
        return true;
    }

    private void ping(Proof proof, long nowNanos, PacketSink out) {
        proof.sequence = sequence++;
        proof.awaiting = true;
        proof.pingedAtNanos = nowNanos;
        bySequence.put(proof.sequence, proof);
        transmitter.send(proof.id.address(), new Ping(proof.sequence, proof.id.name()), out);
    }

    /** Whether {@code sequence} is a proof ping's. */
    public boolean owns(int sequence) {
        return bySequence.containsKey(sequence);
    }

    /**
     * The ack with {@code sequence} came from {@code responder}, sent from {@code from}: counts
     * toward its proof if it is that member answering from its own address. Returns the
     * refutation to apply once the streak is complete, else {@code null}.
     */
    public MemberUpdate answered(int sequence, NodeId responder, Address from, long nowNanos) {
        Proof proof = bySequence.get(sequence);
        if (proof == null || !proof.id.equals(responder) || !proof.id.address().equals(from) || !proof.awaiting) {
            return null;
        }
        bySequence.remove(sequence);
        proof.awaiting = false;
        proof.acks++;
        if (proof.acks >= proof.needed) {
            forget(proof);
            proven++;
            return proof.refutation;
        }
        proof.nextPingNanos = nowNanos + spacingNanos;
        return null;
    }

    /** Pings due, and streaks broken by a missing answer (restarted, or given up). */
    public void onTick(long nowNanos, PacketSink out) {
        if (byName.isEmpty()) {
            return;
        }
        List<Proof> due = new ArrayList<>();
        for (Proof proof : byName.values()) {
            if (proof.awaiting ? proof.pingedAtNanos + proof.timeoutNanos <= nowNanos : proof.nextPingNanos <= nowNanos) {
                due.add(proof);
            }
        }
        due.sort((a, b) -> a.id.name().compareTo(b.id.name()));
        for (Proof proof : due) {
            if (proof.awaiting) {
                bySequence.remove(proof.sequence);
                proof.acks = 0;
                if (++proof.failures >= attempts) {
                    forget(proof);
                    abandoned++;
                    coolingUntil.remove(proof.id.name());
                    if (coolingUntil.size() >= MAX_PROOFS) {
                        coolingUntil.remove(coolingUntil.keySet().iterator().next());
                    }
                    coolingUntil.put(proof.id.name(), nowNanos + COOL_DOWN_NANOS);
                    continue;
                }
            }
            ping(proof, nowNanos, out);
        }
    }

    /**
     * Whether {@code name}'s suspicion must not expire now: its proof's first ping is still in
     * flight (the refutation arrived just before the deadline, as a waking member's does), or its
     * streak has answers so far. A broken streak holds nothing until it is answered again, so a
     * member that keeps refuting but rarely answers still dies of its suspicion.
     */
    public boolean holding(String name) {
        Proof proof = byName.get(name);
        return proof != null && (proof.acks > 0 || (proof.failures == 0 && proof.awaiting));
    }

    /** The member left the table or changed life: its proof is void. */
    public void cancel(String name) {
        Proof proof = byName.get(name);
        if (proof != null) {
            forget(proof);
        }
    }

    private void forget(Proof proof) {
        byName.remove(proof.id.name());
        if (proof.awaiting) {
            bySequence.remove(proof.sequence);
        }
    }

    /** When a ping or a timeout is due next, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Proof proof : byName.values()) {
            next = Math.min(next, proof.awaiting ? proof.pingedAtNanos + proof.timeoutNanos : proof.nextPingNanos);
        }
        return next;
    }

    /** Refutations taken after a complete streak. */
    public long provenCount() {
        return proven;
    }

    /** Refutations dropped after too many broken streaks. */
    public long abandonedCount() {
        return abandoned;
    }
}
