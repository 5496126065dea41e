package io.grapevine.core;

import io.grapevine.core.base.ConfigCheck;
import io.grapevine.core.detector.DetectorConfig;
import io.grapevine.core.dissemination.GossipConfig;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.membership.MembershipConfig;
import io.grapevine.core.membership.ZoneConfig;
import io.grapevine.core.state.StateConfig;
import io.grapevine.core.sync.SyncConfig;
import io.grapevine.core.wire.WireConfig;
import java.util.function.UnaryOperator;

/**
 * Every knob of the protocol core, in one part per room, immutable and validated at
 * construction: each part's canonical constructor names the offending field and value, and
 * this record checks the rules that span parts. {@link #defaults()} is the LAN profile
 * (memberlist's DefaultLANConfig); {@link #wan()}, {@link #local()} and {@link #fast()} are the other presets; each
 * profile's pause tolerance is what memberlist's timings grant at N ≤ 10 (suspicion
 * multiplier + 1 probe periods), held at every N.
 * Change a knob through its part: {@code config.withDetector(d -> d.withProbeIntervalNanos(n))}.
 *
 * @param wire the cluster label and packet size limits. Default {@link WireConfig#defaults()}.
 * @param membership the member table's limits and tombstones. Default {@link MembershipConfig#defaults()}.
 * @param detector SWIM probing, Lifeguard and the quorum rule. Default {@link DetectorConfig#defaults()}.
 * @param gossip rumors, gossip rounds, direct mail and user events. Default {@link GossipConfig#defaults()}.
 * @param sync the membership exchange and replicated-state anti-entropy. Default {@link SyncConfig#defaults()}.
 * @param state limits and tombstone grace period of the replicated key/value state. Default {@link StateConfig#defaults()}.
 * @param keyspace placement, acknowledgements, Merkle repair and limits of the shared keyspace.
 *                 Default {@link KeyspaceConfig#defaults()}.
 * @param zone this node's zone and the cross-zone links and WAN timings; no zone (the flat
 *             protocol) by default. Default {@link ZoneConfig#defaults()}.
 */
public record CoreConfig(
        WireConfig wire,
        MembershipConfig membership,
        DetectorConfig detector,
        GossipConfig gossip,
        SyncConfig sync,
        StateConfig state,
        KeyspaceConfig keyspace,
        ZoneConfig zone) {

    /** Validates that every part is present and the rules that span parts hold. */
    public CoreConfig {
        ConfigCheck.notNull("wire", wire);
        ConfigCheck.notNull("membership", membership);
        ConfigCheck.notNull("detector", detector);
        ConfigCheck.notNull("gossip", gossip);
        ConfigCheck.notNull("sync", sync);
        ConfigCheck.notNull("state", state);
        ConfigCheck.notNull("keyspace", keyspace);
        ConfigCheck.notNull("zone", zone);
        // an event must fit one datagram beside the packet header and a frame's overhead
        ConfigCheck.range("maxEventPayloadBytes", gossip.maxEventPayloadBytes(), 0, wire.mtuBytes() - 128);
    }

    /** The LAN profile: memberlist's DefaultLANConfig timings with Lifeguard on. */
    public static CoreConfig defaults() {
        return new CoreConfig(WireConfig.defaults(), MembershipConfig.defaults(), DetectorConfig.defaults(),
                GossipConfig.defaults(), SyncConfig.defaults(), StateConfig.defaults(), KeyspaceConfig.defaults(),
                ZoneConfig.defaults());
    }

    /** Same as {@link #defaults()}. */
    public static CoreConfig lan() {
        return defaults();
    }

    /** WAN profile: slower, more tolerant timings (memberlist's DefaultWANConfig). */
    public static CoreConfig wan() {
        return defaults()
                .withDetector(d -> d.withProbeIntervalNanos(5_000_000_000L).withProbeTimeoutNanos(3_000_000_000L)
                        .withSuspicionMult(6).withPauseToleranceNanos(35_000_000_000L))
                .withGossip(g -> g.withGossipIntervalNanos(500_000_000L).withGossipFanout(4))
                .withSync(s -> s.withPushPullIntervalNanos(60_000_000_000L));
    }

    /** Local profile for one machine (memberlist's DefaultLocalConfig): fast timings. */
    public static CoreConfig local() {
        return defaults()
                .withDetector(d -> d.withProbeTimeoutNanos(100_000_000L).withProbeIntervalNanos(200_000_000L)
                        .withSuspicionMult(3).withPauseToleranceNanos(800_000_000L))
                .withGossip(g -> g.withGossipIntervalNanos(100_000_000L).withGossipToTheDeadNanos(15_000_000_000L))
                .withSync(s -> s.withPushPullIntervalNanos(15_000_000_000L));
    }

    /**
     * Fast failure detection on a LAN: LAN timings with a probe every 250 ms (timeout 125 ms)
     * and a 1 s pause tolerance, so a silent member is declared dead in about 1.1 s at any
     * cluster size (Redis Cluster's {@code cluster-node-timeout 1000} takes about 1.5 s), a
     * killed one sooner. The price: four times the probe traffic and idle CPU of {@link #lan()},
     * and a process paused (a GC, a stalled host) for more than a second is declared dead and
     * comes back by refuting, with the churn that costs.
     */
    public static CoreConfig fast() {
        return defaults()
                .withDetector(d -> d.withProbeTimeoutNanos(125_000_000L).withProbeIntervalNanos(250_000_000L)
                        .withPauseToleranceNanos(1_000_000_000L));
    }

    /**
     * How long a node may go without any input before it counts itself stalled (a GC pause,
     * CPU starvation) and, with Lifeguard, postpones its suspicions by the gap: twice the
     * longer of the probe and gossip intervals.
     */
    public long stallToleranceNanos() {
        return 2 * Math.max(detector.probeIntervalNanos(), gossip.gossipIntervalNanos());
    }

    /** A copy whose wire part is {@code change} applied to this one's. */
    public CoreConfig withWire(UnaryOperator<WireConfig> change) {
        return new CoreConfig(change.apply(wire), membership, detector, gossip, sync, state, keyspace, zone);
    }

    /** A copy whose membership part is {@code change} applied to this one's. */
    public CoreConfig withMembership(UnaryOperator<MembershipConfig> change) {
        return new CoreConfig(wire, change.apply(membership), detector, gossip, sync, state, keyspace, zone);
    }

    /** A copy whose detector part is {@code change} applied to this one's. */
    public CoreConfig withDetector(UnaryOperator<DetectorConfig> change) {
        return new CoreConfig(wire, membership, change.apply(detector), gossip, sync, state, keyspace, zone);
    }

    /** A copy whose gossip part is {@code change} applied to this one's. */
    public CoreConfig withGossip(UnaryOperator<GossipConfig> change) {
        return new CoreConfig(wire, membership, detector, change.apply(gossip), sync, state, keyspace, zone);
    }

    /** A copy whose sync part is {@code change} applied to this one's. */
    public CoreConfig withSync(UnaryOperator<SyncConfig> change) {
        return new CoreConfig(wire, membership, detector, gossip, change.apply(sync), state, keyspace, zone);
    }

    /** A copy whose replicated-state part is {@code change} applied to this one's. */
    public CoreConfig withState(UnaryOperator<StateConfig> change) {
        return new CoreConfig(wire, membership, detector, gossip, sync, change.apply(state), keyspace, zone);
    }

    /** A copy with {@code state} replaced. */
    public CoreConfig withState(StateConfig value) {
        return new CoreConfig(wire, membership, detector, gossip, sync, value, keyspace, zone);
    }

    /** A copy whose zone part is {@code change} applied to this one's. */
    public CoreConfig withZone(UnaryOperator<ZoneConfig> change) {
        return new CoreConfig(wire, membership, detector, gossip, sync, state, keyspace, change.apply(zone));
    }

    /** A copy whose shared-keyspace part is {@code change} applied to this one's. */
    public CoreConfig withKeyspace(UnaryOperator<KeyspaceConfig> change) {
        return new CoreConfig(wire, membership, detector, gossip, sync, state, change.apply(keyspace), zone);
    }
}
