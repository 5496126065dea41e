package io.grapevine.core.dissemination;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.wire.PacketSink;
import java.util.List;

/**
 * Rumor mongering's periodic push: every gossip interval, while rumors wait, the queued
 * rumors go to {@code gossipFanout} random members, live or recently dead (so a member
 * declared dead by mistake hears of it and refutes). The timer only counts while rumors wait:
 * an idle node is not woken five times a second for nothing, and a rumor queued after a quiet
 * spell goes out at the next tick.
 *
 * <p>Adaptive ({@code adaptiveFanout}, {@code adaptiveInterval}): the fanout grows with the
 * cluster so that a rumor's transmissions are spent within about {@link #ROUNDS_PER_RUMOR}
 * rounds, and while a backlog of never-sent rumors remains after a round and the node is
 * within its flow budget, the next round comes after half the interval (down to a quarter).
 * Confined to the node's thread.
 */
public final class GossipRounds {
    /** The rounds within which an adaptive fanout spends a rumor's transmissions. */
    public static final int ROUNDS_PER_RUMOR = 4;

    private final GossipConfig config;
    private final PeerSampler peers;
    private final Transmitter transmitter;
    private final RumorQueue rumors;
    private final FlowControl flow;
    private long nextGossipNanos;
    private long intervalNanos;

    /** Rounds of {@code config}'s interval and fanout; the first is staggered by a random fraction of an interval. */
    public GossipRounds(GossipConfig config, PeerSampler peers, Transmitter transmitter, RumorQueue rumors,
                        FlowControl flow, RandomSource random, long nowNanos) {
        this.config = config;
        this.peers = peers;
        this.transmitter = transmitter;
        this.rumors = rumors;
        this.flow = flow;
        this.intervalNanos = config.gossipIntervalNanos();
        this.nextGossipNanos = nowNanos + random.nextLong(config.gossipIntervalNanos());
    }

    /** When the next round is due: never while no rumor waits. */
    public long nextDeadlineNanos() {
        return rumors.size() == 0 ? Long.MAX_VALUE : nextGossipNanos;
    }

    /** Runs the round if it is due. */
    public void onTick(long nowNanos, PacketSink out) {
        if (nextGossipNanos > nowNanos || rumors.size() == 0) {
            return;
        }
        List<MemberEntry> targets = peers.sample(fanout(), entry -> entry.status().isLive()
                || (entry.status() == MemberStatus.DEAD && nowNanos - entry.sinceNanos() < config.gossipToTheDeadNanos()));
        for (MemberEntry target : targets) {
            if (!transmitter.gossip(target.id().address(), out)) {
                break;
            }
        }
        intervalNanos = nextInterval(nowNanos);
        nextGossipNanos = nowNanos + intervalNanos;
    }

    /** This round's fanout: the configured one, or more in a large cluster when adaptive. */
    int fanout() {
        if (!config.adaptiveFanout()) {
            return config.gossipFanout();
        }
        return adaptiveFanout(config.gossipFanout(), transmitter.transmitLimit());
    }

    /**
     * The adaptive rule: {@code max(configured, ceil(transmitLimit / ROUNDS_PER_RUMOR))}, at most 64,
     * so a rumor's {@code transmitLimit} transmissions are spent within about that many rounds.
     */
    public static int adaptiveFanout(int configured, int transmitLimit) {
        int spread = (transmitLimit + ROUNDS_PER_RUMOR - 1) / ROUNDS_PER_RUMOR;
        return Math.min(64, Math.max(configured, spread));
    }

    private long nextInterval(long nowNanos) {
        long base = config.gossipIntervalNanos();
        if (!config.adaptiveInterval()) {
            return base;
        }
        if (rumors.hasUnsent() && !flow.overBudget(nowNanos)) {
            return Math.max(base / 4, intervalNanos / 2);
        }
        return base;
    }

    /** The interval the next round waits, in ns (the configured one unless a backlog shortened it). */
    public long currentIntervalNanos() {
        return intervalNanos;
    }
}
