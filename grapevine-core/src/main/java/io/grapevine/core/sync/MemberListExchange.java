package io.grapevine.core.sync;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.DirectMail;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.dissemination.UserEvents;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.MembershipRules;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.MemberListDigest;
import io.grapevine.core.wire.MemberListSync;
import io.grapevine.core.wire.MemberState;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Full membership exchanges over streams (memberlist's push-pull): the join, its follow-ups,
 * and the periodic anti-entropy exchange with a random member. Each side sends its whole
 * member list; the receiver merges it by the membership rules and answers a request with its
 * own. Exchanges other than a join answer carry the recent user events, so a member the
 * event's mail and rumor both missed gets it here. Confined to the node's thread.
 */
public final class MemberListExchange {
    private final SyncConfig config;
    private final int maxStreamBytes;
    private final MemberTable table;
    private final MembershipRules membership;
    private final Transmitter transmitter;
    private final DirectMail mail;
    private final PeerSampler peers;
    private final UserEvents events;
    private final TrafficCounters counters;
    private long nextPushPullNanos;
    private String observedHost = "";
    /** Extra full syncs right after joining, to catch members that joined concurrently. */
    private int followUpsLeft;
    private long nextFollowUpNanos = Long.MAX_VALUE;
    /** Follow-ups still allowed beyond the fixed ones while the answers keep teaching new members. */
    private int learningFollowUpsLeft;
    /** True from the seed's first answer until the follow-ups stop. */
    private boolean followingUp;
    /** Flips with every periodic exchange: on its true turns a dead member is also tried. */
    private boolean reconnectTurn;

    /**
     * Exchanges of {@code table}'s members; the first periodic one is staggered by a random
     * fraction of an interval.
     *
     * @param maxStreamBytes the stream limit, which bounds the events carried along
     */
    public MemberListExchange(SyncConfig config, int maxStreamBytes, MemberTable table, MembershipRules membership,
                              Transmitter transmitter, DirectMail mail, PeerSampler peers, UserEvents events,
                              TrafficCounters counters, RandomSource random, long nowNanos) {
        this.config = config;
        this.maxStreamBytes = maxStreamBytes;
        this.table = table;
        this.membership = membership;
        this.transmitter = transmitter;
        this.mail = mail;
        this.peers = peers;
        this.events = events;
        this.counters = counters;
        this.nextPushPullNanos = config.pushPullIntervalNanos() == 0 ? Long.MAX_VALUE
                : nowNanos + config.pushPullIntervalNanos() + random.nextLong(config.pushPullIntervalNanos());
    }

    /** When the next follow-up or periodic exchange is due. */
    public long nextDeadlineNanos() {
        return Math.min(nextPushPullNanos, nextFollowUpNanos);
    }

    /** Runs a due join follow-up and a due periodic exchange. */
    public void onTick(long nowNanos, SyncOutputs out) {
        if (nextFollowUpNanos <= nowNanos) {
            followUpsLeft = Math.max(0, followUpsLeft - 1);
            nextFollowUpNanos = followUpsLeft > 0 ? nowNanos + 2 * config.joinFollowUpDelayNanos() : Long.MAX_VALUE;
            exchangeWithRandomPeer(false, out);
        }
        if (nextPushPullNanos <= nowNanos) {
            nextPushPullNanos = nowNanos + pushPullIntervalNanos();
            exchangeWithRandomPeer(config.pushPullDigest(), out);
            reconnectTurn = !reconnectTurn;
            if (reconnectTurn) {
                reconnect(out);
            }
        }
    }

    /**
     * Every second periodic exchange also sends the full member list to one random member
     * held dead (Serf's reconnect): after a partition longer than {@code gossipToTheDeadNanos}
     * in which each side declared the other dead, nothing else would ever reach the other side
     * again. A member that is really dead refuses or ignores it; one that is alive learns that
     * it is held dead, refutes, and answers with its own list.
     */
    private void reconnect(SyncOutputs out) {
        if (table.size() == table.liveCount()) {
            return; // no dead or left members: nothing to draw, and the random source is left alone
        }
        MemberEntry dead = peers.oneDead();
        if (dead != null) {
            transmitter.stream(dead.id().address(), withRecentEvents(snapshot(false, false, "")), out);
        }
    }

    /**
     * Opens an exchange with a random live member: with the view's hash when {@code digest}
     * (the full lists follow only if the peer's view differs), else with the full list.
     */
    private void exchangeWithRandomPeer(boolean digest, SyncOutputs out) {
        MemberEntry peer = peers.oneLive();
        if (peer == null) {
            return;
        }
        WireMessage opening = digest ? new MemberListDigest(table.viewHash(), events.clock())
                : snapshot(false, false, "");
        transmitter.stream(peer.id().address(), withRecentEvents(opening), out);
    }

    /**
     * A peer opened a push-pull with its view's hash. The same hash as ours: the views are
     * identical and only our recent events go back (if any); another hash: we answer with our
     * full member list as a request, and the peer merges it and answers with its own. A digest
     * in a datagram is dropped and counted (WRONG_CHANNEL).
     */
    public void onMemberListDigest(Address from, MemberListDigest digest, boolean stream, SyncOutputs out) {
        if (!stream) {
            counters.drop(DropReason.WRONG_CHANNEL);
            return;
        }
        events.witness(digest.eventClock());
        if (digest.viewHash() != table.viewHash()) {
            transmitter.stream(from, withRecentEvents(snapshot(false, false, "")), out);
            return;
        }
        List<? extends WireMessage> recent = events.recentForRepair(maxStreamBytes);
        if (!recent.isEmpty()) {
            transmitter.stream(from, recent, out);
        }
    }

    /** memberlist's pushPullScale: the interval grows with log2(N) beyond 32 members. */
    private long pushPullIntervalNanos() {
        int n = table.liveCount();
        if (n <= 32) {
            return config.pushPullIntervalNanos();
        }
        double multiplier = Math.ceil(StrictMath.log(n) / StrictMath.log(2) - 5) + 1;
        return (long) (config.pushPullIntervalNanos() * multiplier);
    }

    /** Sends this node's full member list to every seed and asks for theirs. */
    public void join(List<Address> seeds, SyncOutputs out) {
        MemberListSync request = snapshot(true, false, "");
        for (Address seed : seeds) {
            if (!seed.equals(membership.self().id().address())) {
                transmitter.stream(seed, request, out);
            }
        }
    }

    /**
     * Merges a peer's member list and, for a request, answers with ours. A member list in a
     * datagram is dropped and counted (WRONG_CHANNEL): the exchange is a stream's job.
     */
    public void onMemberListSync(Address from, NodeId sender, MemberListSync sync, boolean stream, long nowNanos,
                                 SyncOutputs out) {
        if (!stream) {
            counters.drop(DropReason.WRONG_CHANNEL);
            return;
        }
        boolean firstJoinAnswer = false;
        if (sync.response() && sync.join()) {
            events.ignoreBefore(sync.eventClock());
            if (followUpsLeft == 0 && nextFollowUpNanos == Long.MAX_VALUE) {
                firstJoinAnswer = true;
                if (config.joinFollowUps() > 0) {
                    // the seed answered before hearing of members joining at the same time: ask again soon
                    followUpsLeft = config.joinFollowUps();
                    nextFollowUpNanos = nowNanos + config.joinFollowUpDelayNanos();
                    learningFollowUpsLeft = config.joinFollowUpsWhileLearning();
                    followingUp = true;
                }
            }
        } else {
            events.witness(sync.eventClock());
        }
        int sizeBefore = table.size();
        for (MemberState state : sync.members()) {
            // memberlist's rule: a remote "dead" is only a suspicion here; we verify it ourselves
            MemberStatus status = state.status() == MemberStatus.DEAD ? MemberStatus.SUSPECT : state.status();
            String origin = status == MemberStatus.ALIVE || status == MemberStatus.LEFT
                    ? state.member().name() : sender.name();
            membership.apply(new MemberUpdate(state.member(), state.incarnation(), status, origin), nowNanos, out);
        }
        if (firstJoinAnswer) {
            announceSelf(sender.name(), out);
        } else if (followingUp && sync.response()) {
            followUpWhileLearning(table.size() > sizeBefore, nowNanos);
        }
        if (!sync.response()) {
            MemberListSync answer = snapshot(sync.join(), true, from.host());
            // a joiner skips the events fired before it joined, as in Serf: send it none
            transmitter.stream(from, sync.join() ? List.of(answer) : withRecentEvents(answer), out);
        } else if (!sync.observedHost().isEmpty()) {
            observedHost = sync.observedHost();
        }
    }

    /**
     * An answer came during the join's follow-ups: if it taught this node new members and no
     * follow-up is pending, ask another random member one delay from now (many nodes are
     * joining at once: a bootstrap); once an answer teaches nothing, or the allowance is
     * spent, the follow-ups end.
     */
    private void followUpWhileLearning(boolean learned, long nowNanos) {
        if (nextFollowUpNanos != Long.MAX_VALUE) {
            return;
        }
        if (learned && learningFollowUpsLeft > 0) {
            learningFollowUpsLeft--;
            nextFollowUpNanos = nowNanos + config.joinFollowUpDelayNanos();
        } else {
            followingUp = false;
        }
    }

    /**
     * A joiner, on its seed's first answer, mails itself to the members it just learned,
     * besides the seed's rumor: each member learns of the joiner in one hop. Every pair of
     * simultaneous joiners is covered, since the one the seed served second got the first in
     * its answer and mails it; and the work is spread over the joiners instead of piling on
     * the seed.
     */
    private void announceSelf(String seed, SyncOutputs out) {
        MemberEntry self = membership.self();
        mail.announce(new MemberUpdate(self.id(), self.incarnation(), MemberStatus.ALIVE, self.name()), seed, out);
    }

    /** The host a seed or peer last saw this node's requests come from; empty until one answered. */
    public String observedHost() {
        return observedHost;
    }

    /** {@code sync} followed by the recent events that fit the byte budget. */
    private List<WireMessage> withRecentEvents(WireMessage opening) {
        List<WireMessage> messages = new ArrayList<>();
        messages.add(opening);
        messages.addAll(events.recentForRepair(maxStreamBytes));
        return List.copyOf(messages);
    }

    private MemberListSync snapshot(boolean join, boolean response, String seenHost) {
        List<MemberState> states = new ArrayList<>(table.size());
        for (MemberEntry entry : table.entries()) {
            states.add(new MemberState(entry.id(), entry.incarnation(), entry.status()));
        }
        return new MemberListSync(join, response, events.clock(), seenHost, states);
    }
}
