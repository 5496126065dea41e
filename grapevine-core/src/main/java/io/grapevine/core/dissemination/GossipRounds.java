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
 * spell goes out at the next tick. Confined to the node's thread.
 */
public final class GossipRounds {
    private final GossipConfig config;
    private final PeerSampler peers;
    private final Transmitter transmitter;
    private final RumorQueue rumors;
    private long nextGossipNanos;

    /** Rounds of {@code config}'s interval and fanout; the first is staggered by a random fraction of an interval. */
    public GossipRounds(GossipConfig config, PeerSampler peers, Transmitter transmitter, RumorQueue rumors,
                        RandomSource random, long nowNanos) {
        this.config = config;
        this.peers = peers;
        this.transmitter = transmitter;
        this.rumors = rumors;
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
        nextGossipNanos = nowNanos + config.gossipIntervalNanos();
        List<MemberEntry> targets = peers.sample(config.gossipFanout(), entry -> entry.status().isLive()
                || (entry.status() == MemberStatus.DEAD && nowNanos - entry.sinceNanos() < config.gossipToTheDeadNanos()));
        for (MemberEntry target : targets) {
            if (!transmitter.gossip(target.id().address(), out)) {
                break;
            }
        }
    }
}
