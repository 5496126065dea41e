package io.grapevine.core;

import io.grapevine.core.dissemination.EventLog;
import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberStatus;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.wire.Bytes;
import io.grapevine.core.wire.MemberState;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.StateSync;
import io.grapevine.core.wire.UserEvent;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Dissemination: periodic gossip rounds that push queued rumors to a few random members,
 * full state exchanges (join and push-pull anti-entropy) over streams, and user events with
 * Lamport clocks and de-duplication.
 *
 * <p>User events are repaired by anti-entropy as Serf does: every full state exchange other
 * than a join answer carries the last {@value #RECENT_EVENTS} events this node delivered (at
 * most {@value #RECENT_EVENT_BYTES} bytes of them), so a member the direct mail and the rumor
 * both missed still gets the event at its next exchange; the receiver's de-duplication drops
 * the ones it has.
 */
final class Gossiper {
    private final CoreConfig config;
    private final MemberTable table;
    private final Membership membership;
    private final Transmitter transmitter;
    private final RumorQueue rumors;
    private final EventLog events;
    private final RandomSource random;
    private final Counters counters;
    private long nextGossipNanos;
    private long nextPushPullNanos;
    private String observedHost = "";
    /** Extra full syncs right after joining, to catch members that joined concurrently. */
    private int followUpsLeft;
    private long nextFollowUpNanos = Long.MAX_VALUE;
    private static final int JOIN_FOLLOW_UPS = 2;
    private static final long FOLLOW_UP_DELAY_NANOS = 1_000_000_000L;
    /** How many delivered events ride along with each full state exchange. */
    static final int RECENT_EVENTS = 64;
    /** Byte budget of those events in one exchange (payloads and names). */
    static final int RECENT_EVENT_BYTES = 64 * 1024;
    /** The last events delivered here, oldest first; at most RECENT_EVENTS. */
    private final ArrayDeque<UserEvent> recentEvents = new ArrayDeque<>();

    Gossiper(CoreConfig config, MemberTable table, Membership membership, Transmitter transmitter,
             RumorQueue rumors, RandomSource random, Counters counters, long nowNanos) {
        this.config = config;
        this.table = table;
        this.membership = membership;
        this.transmitter = transmitter;
        this.rumors = rumors;
        this.events = new EventLog(config.eventDedupWindow());
        this.random = random;
        this.counters = counters;
        this.nextGossipNanos = nowNanos + random.nextLong(config.gossipIntervalNanos());
        this.nextPushPullNanos = config.pushPullIntervalNanos() == 0 ? Long.MAX_VALUE
                : nowNanos + config.pushPullIntervalNanos() + random.nextLong(config.pushPullIntervalNanos());
    }

    /**
     * The gossip timer counts only while rumors wait: an idle node is not woken five times a
     * second for nothing, and a rumor queued after a quiet spell goes out at the next tick.
     */
    long nextDeadlineNanos() {
        long gossip = rumors.size() == 0 ? Long.MAX_VALUE : nextGossipNanos;
        return Math.min(Math.min(gossip, nextPushPullNanos), nextFollowUpNanos);
    }

    void onTick(long nowNanos, Outputs out) {
        if (nextGossipNanos <= nowNanos && rumors.size() > 0) {
            nextGossipNanos = nowNanos + config.gossipIntervalNanos();
            gossipRound(nowNanos, out);
        }
        if (nextFollowUpNanos <= nowNanos) {
            followUpsLeft--;
            nextFollowUpNanos = followUpsLeft > 0 ? nowNanos + 2 * FOLLOW_UP_DELAY_NANOS : Long.MAX_VALUE;
            MemberEntry peer = randomPeer(nowNanos, false);
            if (peer != null) {
                transmitter.stream(peer.id().address(), withRecentEvents(snapshot(false, false, "")), out);
            }
        }
        if (nextPushPullNanos <= nowNanos) {
            nextPushPullNanos = nowNanos + pushPullIntervalNanos();
            MemberEntry peer = randomPeer(nowNanos, false);
            if (peer != null) {
                transmitter.stream(peer.id().address(), withRecentEvents(snapshot(false, false, "")), out);
            }
        }
    }

    /** memberlist's pushPullScale: the interval grows with log2(N) beyond 32 members. */
    private long pushPullIntervalNanos() {
        int n = table.liveCount();
        if (n <= 32) {
            return config.pushPullIntervalNanos();
        }
        double multiplier = Math.ceil(Math.log(n) / Math.log(2) - 5) + 1;
        return (long) (config.pushPullIntervalNanos() * multiplier);
    }

    private void gossipRound(long nowNanos, Outputs out) {
        if (rumors.size() == 0) {
            return;
        }
        List<MemberEntry> targets = new ArrayList<>(config.gossipFanout());
        int attempts = 3 * config.gossipFanout() + 8;
        for (int i = 0; i < attempts && targets.size() < config.gossipFanout(); i++) {
            MemberEntry candidate = randomPeer(nowNanos, true);
            if (candidate != null && !targets.contains(candidate)) {
                targets.add(candidate);
            }
        }
        for (MemberEntry target : targets) {
            if (!transmitter.gossip(target.id().address(), out)) {
                break;
            }
        }
    }

    /** A random member other than self: live, or (for gossip) recently dead so it can refute. */
    private MemberEntry randomPeer(long nowNanos, boolean includeRecentlyDead) {
        for (int attempt = 0; attempt < 8; attempt++) {
            MemberEntry entry = table.random(random);
            if (entry == null || entry == membership.self()) {
                continue;
            }
            if (entry.status().isLive() || (includeRecentlyDead && entry.status() == MemberStatus.DEAD
                    && nowNanos - entry.sinceNanos() < config.gossipToTheDeadNanos())) {
                return entry;
            }
        }
        return null;
    }

    /** Sends this node's full state to every seed and asks for theirs. */
    void join(List<Address> seeds, long nowNanos, Outputs out) {
        StateSync request = snapshot(true, false, "");
        for (Address seed : seeds) {
            if (!seed.equals(membership.self().id().address())) {
                transmitter.stream(seed, request, out);
            }
        }
    }

    /** Merges a peer's full state and, for a request, answers with ours. */
    void onStateSync(Address from, NodeId sender, StateSync sync, long nowNanos, Outputs out) {
        boolean firstJoinAnswer = false;
        if (sync.response() && sync.join()) {
            events.ignoreBefore(sync.eventClock());
            if (followUpsLeft == 0 && nextFollowUpNanos == Long.MAX_VALUE) {
                firstJoinAnswer = true;
                // the seed answered before hearing of members joining at the same time: ask again soon
                followUpsLeft = JOIN_FOLLOW_UPS;
                nextFollowUpNanos = nowNanos + FOLLOW_UP_DELAY_NANOS;
            }
        } else {
            events.witness(sync.eventClock());
        }
        for (MemberState state : sync.members()) {
            // memberlist's rule: a remote "dead" is only a suspicion here; we verify it ourselves
            MemberStatus status = state.status() == MemberStatus.DEAD ? MemberStatus.SUSPECT : state.status();
            String origin = status == MemberStatus.ALIVE || status == MemberStatus.LEFT
                    ? state.member().name() : sender.name();
            membership.apply(new MemberUpdate(state.member(), state.incarnation(), status, origin), nowNanos, out);
        }
        if (firstJoinAnswer) {
            announceSelf(sender.name(), out);
        }
        if (!sync.response()) {
            StateSync answer = snapshot(sync.join(), true, from.host());
            // a joiner skips the events fired before it joined, as in Serf: send it none
            transmitter.stream(from, sync.join() ? List.of(answer) : withRecentEvents(answer), out);
        } else if (!sync.observedHost().isEmpty()) {
            observedHost = sync.observedHost();
        }
    }

    /**
     * A joiner, on its seed's first answer, mails itself to up to {@code directMailFanout} of
     * the members it just learned, besides the seed's rumor: each member learns of the joiner
     * in one hop. Every pair of simultaneous joiners is covered, since the one the seed served
     * second got the first in its answer and mails it; and the work is spread over the
     * joiners instead of piling on the seed.
     */
    private void announceSelf(String seed, Outputs out) {
        MemberEntry self = membership.self();
        mail(new MemberUpdate(self.id(), self.incarnation(), MemberStatus.ALIVE, self.name()), seed, out);
    }

    /** The host a seed or peer last saw this node's requests come from; empty until one answered. */
    String observedHost() {
        return observedHost;
    }

    /** {@code sync} followed by the recent events that fit the byte budget, newest kept first. */
    private List<WireMessage> withRecentEvents(StateSync sync) {
        ArrayDeque<WireMessage> messages = new ArrayDeque<>(recentEvents.size() + 1);
        int budget = Math.min(RECENT_EVENT_BYTES, config.maxStreamBytes() / 4);
        var newestFirst = recentEvents.descendingIterator();
        while (newestFirst.hasNext()) {
            UserEvent event = newestFirst.next();
            budget -= event.payload().length() + event.name().length() + event.origin().length() + 16;
            if (budget < 0) {
                break;
            }
            messages.addFirst(event);
        }
        messages.addFirst(sync);
        return List.copyOf(messages);
    }

    private StateSync snapshot(boolean join, boolean response, String seenHost) {
        List<MemberState> states = new ArrayList<>(table.size());
        for (MemberEntry entry : table.entries()) {
            states.add(new MemberState(entry.id(), entry.incarnation(), entry.status()));
        }
        return new StateSync(join, response, events.clock(), seenHost, states);
    }

    /** Fires a user event from this node: delivered here at once, then disseminated. */
    UserEvent fire(String name, byte[] payload, Outputs out) {
        if (payload.length > config.maxEventPayloadBytes()) {
            throw new IllegalArgumentException("event payload of " + payload.length
                    + " bytes exceeds maxEventPayloadBytes (" + config.maxEventPayloadBytes() + ")");
        }
        UserEvent event = new UserEvent(membership.self().name(), events.tick(), name, Bytes.copyOf(payload));
        events.accept(event.origin(), event.lamportTime());
        deliver(event, out);
        mail(event, "", out);
        return event;
    }

    void onUserEvent(UserEvent event, Outputs out) {
        if (event.payload().length() > config.maxEventPayloadBytes()) {
            counters.drop(DropReason.EVENT_TOO_LARGE);
            return;
        }
        switch (events.accept(event.origin(), event.lamportTime())) {
            case NEW -> deliver(event, out);
            case STALE -> counters.drop(DropReason.STALE_EVENT);
            case DUPLICATE -> { }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Direct mail: {@code message} goes at once to up to {@code directMailFanout} live members
     * (all of them when fewer) other than {@code exclude}, besides any rumor. Lost mail is left
     * to the rumor and anti-entropy.
     */
    void mail(WireMessage message, String exclude, Outputs out) {
        if (config.directMailFanout() == 0) {
            return;
        }
        for (MemberEntry entry : table.sampleLive(config.directMailFanout(), membership.self(), exclude, random)) {
            transmitter.send(entry.id().address(), message, out);
        }
    }

    private void deliver(UserEvent event, Outputs out) {
        out.emit(new ClusterEvent.UserEventReceived(event));
        recentEvents.addLast(event);
        if (recentEvents.size() > RECENT_EVENTS) {
            recentEvents.pollFirst();
        }
        rumors.offer("e:" + event.origin() + ":" + event.lamportTime(), RumorPriority.USER,
                WireCodec.encodeFrame(event));
    }
}
