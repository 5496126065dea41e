package io.grapevine.core;

import io.grapevine.core.detector.LocalHealth;
import io.grapevine.core.detector.Suspicion;
import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberStatus;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.membership.Transition;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.WireCodec;
import java.util.function.Consumer;

/**
 * Applies membership updates to the member table by SWIM's precedence rules (see
 * {@link MemberStatus}), with generations and name conflicts on top. Every change is recorded
 * in the member's history, emitted as an event and queued as a rumor; an update about this
 * node's own life that accuses it is refuted by raising the incarnation.
 */
final class Membership {
    private final CoreConfig config;
    private final MemberTable table;
    private final Suspicions suspicions;
    private final RumorQueue rumors;
    private final LocalHealth health;
    private final MemberEntry self;
    private final Consumer<String> onNewMember;
    private final ConflictLog conflicts = new ConflictLog(256);

    Membership(CoreConfig config, MemberTable table, Suspicions suspicions, RumorQueue rumors, LocalHealth health,
               MemberEntry self, Consumer<String> onNewMember) {
        this.config = config;
        this.table = table;
        this.suspicions = suspicions;
        this.rumors = rumors;
        this.health = health;
        this.self = self;
        this.onNewMember = onNewMember;
    }

    MemberEntry self() {
        return self;
    }

    /** Applies {@code update}, received from gossip or raised here; changes are re-gossiped. */
    UpdateVerdict apply(MemberUpdate update, long nowNanos, Outputs out) {
        return applyUpdate(update, nowNanos, out);
    }

    private UpdateVerdict applyUpdate(MemberUpdate update, long nowNanos, Outputs out) {
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

    private UpdateVerdict introduce(MemberUpdate update, long nowNanos, Outputs out) {
        if (update.status() != MemberStatus.ALIVE) {
            return UpdateVerdict.UNKNOWN_MEMBER;
        }
        if (table.size() >= config.maxMembers()) {
            return UpdateVerdict.TABLE_FULL;
        }
        MemberEntry entry = table.add(update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        changed(entry, Change.JOINED, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        onNewMember.accept(entry.name());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict restart(MemberEntry entry, MemberUpdate update, long nowNanos, Outputs out) {
        boolean wasLive = entry.status().isLive();
        suspicions.remove(entry.name());
        table.update(entry, update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        changed(entry, wasLive ? Change.RESTARTED : Change.JOINED, update.origin(), "new generation", nowNanos, out);
        onNewMember.accept(entry.name());
        if (update.status() == MemberStatus.ALIVE) {
            gossip(entry, update.origin());
            return UpdateVerdict.APPLIED;
        }
        // a newer life we missed is already suspect or gone: apply that on top
        applyUpdate(new MemberUpdate(update.member(), update.incarnation(), update.status(), update.origin()),
                nowNanos, out);
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict conflict(MemberEntry entry, MemberUpdate update, long nowNanos, Outputs out) {
        NodeId held = entry.id();
        NodeId claimant = update.member();
        boolean claimantWins = claimant.address().compareTo(held.address()) < 0;
        NodeId kept = claimantWins ? claimant : held;
        NodeId rejected = claimantWins ? held : claimant;
        if (conflicts.firstReport(kept, rejected)) {
            out.emit(new ClusterEvent.NameConflict(kept, rejected));
        }
        if (!claimantWins) {
            return UpdateVerdict.CONFLICT_REJECTED;
        }
        suspicions.remove(entry.name());
        table.update(entry, claimant, update.incarnation(), update.status(), nowNanos);
        changed(entry, Change.CONFLICT, update.origin(), "replaced " + held, nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyAlive(MemberEntry entry, MemberUpdate update, long nowNanos, Outputs out) {
        if (entry.status() == MemberStatus.LEFT) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() <= entry.incarnation()) {
            return UpdateVerdict.STALE;
        }
        MemberStatus before = entry.status();
        suspicions.remove(entry.name());
        table.update(entry, update.member(), update.incarnation(), MemberStatus.ALIVE, nowNanos);
        Change change = switch (before) {
            case SUSPECT -> Change.REFUTED;
            case DEAD -> Change.RECOVERED;
            default -> Change.UPDATED;
        };
        changed(entry, change, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applySuspect(MemberEntry entry, MemberUpdate update, long nowNanos, Outputs out) {
        if (entry.status().isGone()) {
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
        suspicions.start(entry.name(), update.origin(), update.incarnation(), nowNanos, table.liveCount());
        changed(entry, Change.SUSPECTED, update.origin(), "", nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyGone(MemberEntry entry, MemberUpdate update, Change change, long nowNanos,
                                    Outputs out) {
        MemberStatus target = update.status();
        boolean supersedes = entry.status().isLive() || (entry.status() == MemberStatus.DEAD && target == MemberStatus.LEFT);
        if (!supersedes) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() < entry.incarnation()) {
            return UpdateVerdict.STALE;
        }
        Suspicion suspicion = suspicions.remove(entry.name());
        table.update(entry, entry.id(), update.incarnation(), target, nowNanos);
        changed(entry, change, update.origin(), explain(suspicion), nowNanos, out);
        gossip(entry, update.origin());
        return UpdateVerdict.APPLIED;
    }

    private UpdateVerdict applyAboutSelf(MemberUpdate update, long nowNanos, Outputs out) {
        NodeId id = update.member();
        NodeId me = self.id();
        if (id.generation() < me.generation()) {
            return UpdateVerdict.STALE_GENERATION;
        }
        if (id.generation() > me.generation() || !id.address().equals(me.address())) {
            if (conflicts.firstReport(me, id)) {
                out.emit(new ClusterEvent.NameConflict(me, id));
            }
            return UpdateVerdict.CONFLICT_REJECTED;
        }
        boolean accusation = update.status() == MemberStatus.SUSPECT || update.status() == MemberStatus.DEAD;
        if (!accusation || self.status() == MemberStatus.LEFT) {
            return UpdateVerdict.IGNORED;
        }
        if (update.incarnation() < self.incarnation()) {
            // the accuser missed our refutation: send it round again (it rides on our next
            // packets, the ack to the accuser's probe among them)
            gossip(self, me.name());
            return UpdateVerdict.STALE;
        }
        long incarnation = update.incarnation() + 1;
        table.update(self, me, incarnation, MemberStatus.ALIVE, nowNanos);
        table.record(self, transition(self, Change.REFUTED, update.origin(), "refuted " + update.status(), nowNanos));
        if (config.lifeguard()) {
            health.apply(1);
        }
        gossip(self, me.name());
        return UpdateVerdict.REFUTED;
    }

    /** Declares {@code entry} dead on this node's own authority (its suspicion timed out). */
    /**
     * Suspects {@code entry} on this node's own hard evidence that it is gone: the suspicion
     * is raised and gossiped as usual (so a live member can still refute it) but expires
     * after {@code graceNanos} instead of the Lifeguard timeout.
     */
    void suspectOnEvidence(MemberEntry entry, String evidence, long graceNanos, long nowNanos, Outputs out) {
        apply(new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.SUSPECT, self.name()), nowNanos, out);
        Suspicion suspicion = suspicions.get(entry.name());
        if (suspicion != null && entry.status() == MemberStatus.SUSPECT) {
            suspicion.expedite(nowNanos + graceNanos, evidence);
        }
    }

    void declareDead(MemberEntry entry, long nowNanos, Outputs out) {
        MemberUpdate verdict = new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.DEAD, self.name());
        applyGone(entry, verdict, Change.FAILED, nowNanos, out);
    }

    /** Marks this node as left and queues the leave at the highest priority. */
    void leave(long nowNanos, Outputs out) {
        if (self.status() == MemberStatus.LEFT) {
            return;
        }
        table.update(self, self.id(), self.incarnation(), MemberStatus.LEFT, nowNanos);
        changed(self, Change.LEFT, self.name(), "graceful leave", nowNanos, out);
        gossip(self, self.name());
    }

    /** Queues the current state of {@code entry} as a rumor, keyed by the member's name. */
    void gossip(MemberEntry entry, String origin) {
        MemberUpdate update = new MemberUpdate(entry.id(), entry.incarnation(), entry.status(), origin);
        RumorPriority priority = entry.status() == MemberStatus.SUSPECT ? RumorPriority.SUSPICION
                : RumorPriority.MEMBERSHIP;
        rumors.offer(rumorKey(entry.name()), priority, WireCodec.encodeFrame(update));
    }

    static String rumorKey(String memberName) {
        return "m:" + memberName;
    }

    private void changed(MemberEntry entry, Change change, String onWordOf, String detail, long nowNanos,
                         Outputs out) {
        table.record(entry, transition(entry, change, onWordOf, detail, nowNanos));
        out.emit(new ClusterEvent.MemberChanged(entry.snapshot(), change, onWordOf));
    }

    private static Transition transition(MemberEntry entry, Change change, String onWordOf, String detail,
                                         long nowNanos) {
        return new Transition(nowNanos, change, entry.status(), entry.incarnation(), entry.id().generation(),
                onWordOf, detail);
    }

    private static String explain(Suspicion suspicion) {
        if (suspicion == null) {
            return "";
        }
        String because = suspicion.evidence().isEmpty() ? "" : " (" + suspicion.evidence() + ")";
        return "suspected by " + suspicion.origin() + because + ", confirmed by " + suspicion.confirmers();
    }
}
