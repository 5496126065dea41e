package io.grapevine.core.membership;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.TrafficCounters;
import java.util.List;

/**
 * Applies membership updates to the member table by SWIM's precedence rules (see
 * {@link MemberStatus}), with generations and name conflicts on top. Every change is recorded
 * in the member's history, emitted as an event and queued as a rumor; an update about this
 * node's own life that accuses it is refuted by raising the incarnation.
 *
 * <p>It talks to the other rooms only through the interfaces it is given: {@link Suspicions}
 * (held by the failure detector), {@link MembershipGossip} (the dissemination room) and a
 * {@link MembershipObserver}. Events go to the caller's {@link MembershipOutputs}. Confined to
 * the node's thread.
 */
public final class MembershipRules {
    private long heldAccusations;
    private RefutationGate refutations = (entry, refutation, nowNanos, out) -> false;
    private boolean applyingProven;
    private final MembershipConfig config;
    private final MemberTable table;
    private final MemberEntry self;
    private final Suspicions suspicions;
    private final MembershipGossip gossip;
    private final MembershipObserver observer;
    private final TrafficCounters counters;
    private final ConflictLog conflicts;

    /**
     * Rules over {@code table}, whose entry {@code self} is this node.
     *
     * @param suspicions where suspicions are recorded (the failure detector's)
     * @param gossip how changes spread (the dissemination room's)
     * @param observer told of new members, refutations and reaped tombstones
     * @param counters where dropped updates are counted
     */
    public MembershipRules(MembershipConfig config, MemberTable table, MemberEntry self, Suspicions suspicions,
                           MembershipGossip gossip, MembershipObserver observer, TrafficCounters counters) {
        this.config = config;
        this.table = table;
        this.self = self;
        this.suspicions = suspicions;
        this.gossip = gossip;
        this.observer = observer;
        this.counters = counters;
        this.conflicts = new ConflictLog(config.conflictsRemembered());
        // a new life announces itself: the first packets it sends carry its ALIVE
        gossip(self, self.name());
    }

    /**
     * Adds {@code member} as ALIVE at incarnation 0 with no event, rumor or history: a view
     * that is already converged, for a simulator that starts a cluster as if every node had
     * joined long ago. The detector and the replicator hear of it as of any new member.
     *
     * @throws IllegalArgumentException if the member is already known or the table is full
     */
    public void preload(NodeId member, long nowNanos) {
        if (table.find(member.name()).isPresent()) {
            throw new IllegalArgumentException("member already known: " + member.name());
        }
        if (table.size() >= config.maxMembers()) {
            throw new IllegalArgumentException("member table full (maxMembers " + config.maxMembers() + ")");
        }
        table.add(member, 0, MemberStatus.ALIVE, nowNanos);
        observer.memberIntroduced(member.name());
    }

    /** This node's own entry. */
    public MemberEntry self() {
        return self;
    }

    /** Applies {@code update}, learned from a peer's full state or raised here; changes are re-gossiped. */
    public UpdateVerdict apply(MemberUpdate update, long nowNanos, MembershipOutputs out) {
        return applyUpdate(update, nowNanos, out);
    }

    /**
     * Applies a MEMBER_UPDATE message received from a peer, counting the verdicts that drop
     * it (an older generation, a full table).
     */
    public UpdateVerdict onUpdate(MemberUpdate update, long nowNanos, MembershipOutputs out) {
        UpdateVerdict verdict = applyUpdate(update, nowNanos, out);
        if (verdict == UpdateVerdict.STALE_GENERATION) {
            counters.drop(DropReason.STALE_GENERATION);
        } else if (verdict == UpdateVerdict.TABLE_FULL) {
            counters.drop(DropReason.MEMBER_TABLE_FULL);
        }
        return verdict;
    }

    /**
     * A member that proved itself (it answered an admission probe from the address it claims):
     * admit it alive at the highest incarnation heard while it was a candidate. A join
     * announcement that missed this node then costs a round trip, not a wait for the next
     * anti-entropy sync.
     */
    public void admit(MemberUpdate proven, long nowNanos, MembershipOutputs out) {
        if (table.get(proven.member().name()) == null) {
            onUpdate(proven, nowNanos, out);
        }
    }

    /**
     * Whether a datagram that names {@code sender} and came from {@code from} can be attributed
     * to a member: the sender is in the table in that very life and the datagram came from its
     * own address. Only such a packet may introduce members by its word.
     */
    public boolean attributable(NodeId sender, Address from) {
        MemberEntry entry = table.get(sender.name());
        return entry != null && entry.id().equals(sender) && sender.address().equals(from);
    }

    /** Whether {@code name} is in the member table (live or a tombstone). */
    public boolean knows(String name) {
        return table.get(name) != null;
    }

    private UpdateVerdict applyUpdate(MemberUpdate update, long nowNanos, MembershipOutputs out) {
        NodeId id = update.member();
        if (id.name().equals(self.name())) {
            return applyAboutSelf(update, nowNanos, out);
        }
        MemberEntry entry = table.get(id.name());
        if (entry == null) {
            return introduce(update, nowNanos, out);
        }
        long known = entry.id().generation();
        if (id.generation() < known) {
            return UpdateVerdict.STALE_GENERATION;
        }
        if (id.generation() > known) {
            return restart(entry, update, nowNanos, out);
        }
        if (!id.address().equals(entry.id().address())) {
            return conflict(entry, update, nowNanos, out);
        }
        return switch (update.status()) {
            case ALIVE -> applyAlive(entry, update, nowNanos, out);
            case SUSPECT -> applySuspect(entry, update, nowNanos, out);
            case DEAD -> applyGone(entry, update, Change.FAILED, nowNanos, out);
            case LEFT -> applyGone(entry, update, Change.LEFT, nowNanos, out);
        };
    }

    private UpdateVerdict introduce(MemberUpdate update, long nowNanos, MembershipOutputs out) {
        if (update.status() != MemberStatus.ALIVE) {
            return UpdateVerdict.UNKNOWN_MEMBER;
        }
        if (table.size() >= config.maxMembers()) {
            return UpdateVerdict.TABLE_FULL;
        }
        MemberEntry entry = table.add(update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        changed(entry, Change.JOINED, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        observer.memberIntroduced(entry.name());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict restart(MemberEntry entry, MemberUpdate update, long nowNanos, MembershipOutputs out) {
        boolean wasLive = entry.status().isLive();
        suspicions.clear(entry.name());
        table.update(entry, update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        changed(entry, wasLive ? Change.RESTARTED : Change.JOINED, update.origin(), "new generation", nowNanos, out);
        observer.memberIntroduced(entry.name());
        if (update.status() == MemberStatus.ALIVE) {
            gossip(entry, update.origin());
            return UpdateVerdict.APPLIED;
        }
        // a newer life we missed is already suspect or gone: apply that on top
        applyUpdate(new MemberUpdate(update.member(), update.incarnation(), update.status(), update.origin()),
                nowNanos, out);
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict conflict(MemberEntry entry, MemberUpdate update, long nowNanos, MembershipOutputs out) {
        NodeId held = entry.id();
        NodeId claimant = update.member();
        boolean claimantWins = claimant.address().compareTo(held.address()) < 0;
        NodeId kept = claimantWins ? claimant : held;
        NodeId rejected = claimantWins ? held : claimant;
        if (conflicts.firstReport(kept, rejected)) {
            out.nameConflict(kept, rejected);
        }
        if (!claimantWins) {
            return UpdateVerdict.CONFLICT_REJECTED;
        }
        suspicions.clear(entry.name());
        table.update(entry, claimant, update.incarnation(), update.status(), nowNanos);
        changed(entry, Change.CONFLICT, update.origin(), "replaced " + held, nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyAlive(MemberEntry entry, MemberUpdate update, long nowNanos, MembershipOutputs out) {
        if (entry.status() == MemberStatus.LEFT) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() <= entry.incarnation()) {
            return UpdateVerdict.STALE;
        }
        MemberStatus before = entry.status();
        boolean refutation = before == MemberStatus.SUSPECT || before == MemberStatus.DEAD;
        if (refutation && !applyingProven && refutations.defer(entry, update, nowNanos, out)) {
            // not taken here until proven, but passed on at once: the accusers whose deadlines are
            // nearest must hear of it in time to start their own proofs; and it is a refutation,
            // proven or not, so the member's next one is not a first
            entry.refutedAt(nowNanos);
            gossip.spread(update);
            return UpdateVerdict.IGNORED;
        }
        suspicions.clear(entry.name());
        table.update(entry, update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        if (refutation) {
            entry.refutedAt(nowNanos);
        }
        Change change = switch (before) {
            case SUSPECT -> Change.REFUTED;
            case DEAD -> Change.RECOVERED;
            default -> Change.UPDATED;
        };
        changed(entry, change, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applySuspect(MemberEntry entry, MemberUpdate update, long nowNanos, MembershipOutputs out) {
        if (entry.status().isGone()) {
            return UpdateVerdict.IGNORED;
        }
        if (!credible(update.origin(), nowNanos)) {
            heldAccusations++;
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() < entry.incarnation()) {
            return UpdateVerdict.STALE;
        }
        if (entry.status() == MemberStatus.SUSPECT && update.incarnation() == entry.incarnation()) {
            if (!suspicions.confirm(entry.name(), update.origin())) {
                return UpdateVerdict.STALE;
            }
            table.record(entry, transition(entry, Change.SUSPECTED, update.origin(), "confirmation", nowNanos));
            gossip(entry, update.origin());
            if (suspicions.quorumArrived(entry.name(), table.liveCount())) {
                declareDead(entry, nowNanos, out);
            }
            return UpdateVerdict.CONFIRMED;
        }
        table.update(entry, entry.id(), update.incarnation(), MemberStatus.SUSPECT, nowNanos);
        suspicions.start(entry.name(), update.origin(), nowNanos, table.liveCount());
        changed(entry, Change.SUSPECTED, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyGone(MemberEntry entry, MemberUpdate update, Change change, long nowNanos,
                                    MembershipOutputs out) {
        MemberStatus target = update.status();
        boolean supersedes = entry.status().isLive() || (entry.status() == MemberStatus.DEAD && target == MemberStatus.LEFT);
        if (!supersedes) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() < entry.incarnation()) {
            return UpdateVerdict.STALE;
        }
        String suspicion = suspicions.clear(entry.name());
        table.update(entry, entry.id(), update.incarnation(), target, nowNanos);
        changed(entry, change, update.origin(), suspicion, nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyAboutSelf(MemberUpdate update, long nowNanos, MembershipOutputs out) {
        NodeId id = update.member();
        NodeId me = self.id();
        if (id.generation() < me.generation()) {
            return UpdateVerdict.STALE_GENERATION;
        }
        if (id.generation() > me.generation() || !id.address().equals(me.address())) {
            if (conflicts.firstReport(me, id)) {
                out.nameConflict(me, id);
            }
            return UpdateVerdict.CONFLICT_REJECTED;
        }
        boolean accusation = update.status() == MemberStatus.SUSPECT || update.status() == MemberStatus.DEAD;
        if (!accusation || self.status() == MemberStatus.LEFT) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() < self.incarnation()) {
            // the accuser missed our refutation: send it round again (it rides on our next
            // packets, the ack to the accuser's probe among them), and to the accuser at once
            gossip(self, me.name());
            tellAccuser(update.origin(), out);
            return UpdateVerdict.STALE;
        }
        long incarnation = update.incarnation() + 1;
        table.update(self, me, incarnation, MemberStatus.ALIVE, nowNanos);
        table.record(self, transition(self, Change.REFUTED, update.origin(), "refuted " + update.status(), nowNanos));
        observer.selfRefuted();
        gossip(self, me.name());
        tellAccuser(update.origin(), out);
        return UpdateVerdict.REFUTED;
    }

    /**
     * Whether an accusation by {@code origin} counts here: this node's own, or a member this
     * node holds ALIVE that has not refuted a suspicion or death of itself within
     * {@code accuserProbationNanos}. A suspect, flapping or unknown accuser's word is not
     * evidence enough to show a member suspect (with the rule off, every accuser counts).
     */
    private boolean credible(String origin, long nowNanos) {
        if (config.accuserProbationNanos() == 0 || origin.equals(self.name())) {
            return true;
        }
        MemberEntry accuser = table.get(origin);
        if (accuser == null || accuser.status() != MemberStatus.ALIVE) {
            return false;
        }
        long refuted = accuser.lastRefutedNanos();
        return refuted == Long.MIN_VALUE || nowNanos - refuted >= config.accuserProbationNanos();
    }

    /** Where refutations of suspect and dead members go first (by default: taken at once). */
    public void gateRefutations(RefutationGate gate) {
        this.refutations = gate;
    }

    /** A refutation whose proof of life is complete: applied as any update, past the gate. */
    public UpdateVerdict applyProven(MemberUpdate refutation, long nowNanos, MembershipOutputs out) {
        applyingProven = true;
        try {
            return onUpdate(refutation, nowNanos, out);
        } finally {
            applyingProven = false;
        }
    }

    /** Accusations that were not shown or spread because their accuser was not credible. */
    public long heldAccusations() {
        return heldAccusations;
    }

    /**
     * Sends this node's ALIVE straight to the member whose accusation it just answered, besides
     * the rumor: a member waking from a pause reaches the accusers whose silence deadlines are
     * nearest (they probed it) in one hop, well inside the deadlines' allowance. One datagram per
     * accusation received, to the address this node holds for the accuser, never to the
     * packet's source; mailing every member instead multiplied a suspicion storm under CPU
     * starvation (64 JVMs joining on two cores: 1,192 refutations, 75,000 datagrams).
     */
    private void tellAccuser(String accuser, MembershipOutputs out) {
        MemberEntry entry = table.get(accuser);
        if (entry == null || entry == self || !entry.status().isLive()) {
            return;
        }
        gossip.tell(new MemberUpdate(self.id(), self.incarnation(), MemberStatus.ALIVE, self.name()),
                entry.id().address(), out);
    }

    /**
     * Suspects {@code entry} on this node's own hard evidence that it is gone: the suspicion
     * is raised and gossiped as usual (so a live member can still refute it) but expires
     * after {@code graceNanos} instead of the Lifeguard timeout.
     */
    public void suspectOnEvidence(MemberEntry entry, String evidence, long graceNanos, long nowNanos,
                                  MembershipOutputs out) {
        apply(new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.SUSPECT, self.name()), nowNanos, out);
        if (entry.status() == MemberStatus.SUSPECT) {
            suspicions.expedite(entry.name(), nowNanos + graceNanos, evidence);
        }
    }

    /**
     * Declares {@code entry} dead on this node's own authority (its suspicion is ripe); returns
     * the verdict when it changed the entry, for the caller to mail, else {@code null}.
     */
    public MemberUpdate declareDead(MemberEntry entry, long nowNanos, MembershipOutputs out) {
        MemberUpdate verdict = new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.DEAD, self.name());
        applyGone(entry, verdict, Change.FAILED, nowNanos, out);
        return entry.status() == MemberStatus.DEAD ? verdict : null;
    }

    /**
     * Marks this node as left: the leave rides out as a rumor and, by direct mail, at once to
     * the other members, so none keeps the leaver alive until the next anti-entropy sync.
     */
    public void leave(long nowNanos, MembershipOutputs out) {
        if (self.status() == MemberStatus.LEFT) {
            return;
        }
        table.update(self, self.id(), self.incarnation(), MemberStatus.LEFT, nowNanos);
        changed(self, Change.LEFT, self.name(), "graceful leave", nowNanos, out);
        gossip(self, self.name());
        gossip.mail(new MemberUpdate(self.id(), self.incarnation(), MemberStatus.LEFT, self.name()), "", nowNanos, out);
    }

    /**
     * Serf's force-leave: marks a member this node holds as DEAD as LEFT on this node's word,
     * and spreads that by rumor and direct mail, so the cluster stops waiting for it to come
     * back and reaps it sooner. Refused for a live member (it would have no way to refute a
     * LEFT) and for one that already left.
     */
    public ForceLeave forceLeave(String name, long nowNanos, MembershipOutputs out) {
        MemberEntry entry = table.get(name);
        if (entry == null || entry == self) {
            return ForceLeave.UNKNOWN_MEMBER;
        }
        if (entry.status() != MemberStatus.DEAD) {
            return entry.status() == MemberStatus.LEFT ? ForceLeave.ALREADY_LEFT : ForceLeave.NOT_FAILED;
        }
        MemberUpdate left = new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.LEFT, self.name());
        applyGone(entry, left, Change.LEFT, nowNanos, out);
        gossip.mail(left, name, nowNanos, out);
        return ForceLeave.LEFT;
    }

    /**
     * True once this node has left and its leave rumor has been retransmitted to the limit, or
     * at once when no other member is live (nobody is left to tell).
     */
    public boolean leaveSpread() {
        return self.status() == MemberStatus.LEFT && (!gossip.pending(self.name()) || table.liveCount() == 0);
    }

    /** Queues the current state of {@code entry} as a rumor, keyed by the member's name. */
    public void gossip(MemberEntry entry, String origin) {
        gossip.spread(new MemberUpdate(entry.id(), entry.incarnation(), entry.status(), origin));
    }

    /** Reaps tombstones past {@code tombstoneTtlNanos} (or over the limit), emitting REAPED for each. */
    public void onTick(long nowNanos, MembershipOutputs out) {
        List<Member> reaped = table.reapTombstones(nowNanos, config.tombstoneTtlNanos());
        for (Member member : reaped) {
            observer.memberReaped(member.name());
            out.memberChanged(member, Change.REAPED, self.name());
        }
    }

    /** When the next tombstone expires, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        return table.nextReapNanos(config.tombstoneTtlNanos());
    }

    private void changed(MemberEntry entry, Change change, String onWordOf, String detail, long nowNanos,
                         MembershipOutputs out) {
        table.record(entry, transition(entry, change, onWordOf, detail, nowNanos));
        out.memberChanged(entry.snapshot(), change, onWordOf);
    }

    private static Transition transition(MemberEntry entry, Change change, String onWordOf, String detail,
                                         long nowNanos) {
        return new Transition(nowNanos, change, entry.status(), entry.incarnation(), entry.id().generation(),
                onWordOf, detail);
    }
}
