package io.grapevine.sim.network;

import io.grapevine.core.base.RandomSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One run's network: samples latencies, loss and duplication from a seeded
 * {@link RandomSource} following a {@link NetworkModel}, and holds the current partitions.
 *
 * <p>Two kinds of cut, both checked when a packet is sent: a <em>symmetric partition</em>
 * assigns every node a side and drops packets between different sides; a <em>blocked link</em>
 * drops packets in one direction only (A cannot reach B while B still reaches A). Nodes are
 * identified by their index {@code 0..size-1}. Confined to the simulation's thread.
 */
public final class Network {
    /** Returned by the delay methods when the packet is dropped by loss. */
    public static final long LOST = -1;
    /** Returned by the delay methods when the packet is dropped by a partition or blocked link. */
    public static final long CUT = -2;

    private final NetworkModel model;
    private final RandomSource random;
    private final int[] side;
    private final Set<Long> blocked = new HashSet<>();
    private boolean partitioned;
    private int[] zoneOf;
    private ZoneLatency zoneLatency;
    private long crossZonePackets;
    private long crossZoneBytes;
    private long[] crossZoneSentBy;

    /** A fully connected network of {@code size} nodes. */
    public Network(NetworkModel model, RandomSource random, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1: " + size);
        }
        this.model = model;
        this.random = random;
        this.side = new int[size];
    }

    /**
     * Places the nodes in zones: {@code zoneOfNode[i]} is node {@code i}'s zone, and from now on
     * a packet's base latency is {@code latency}'s intra- or inter-zone one (jitter as the
     * model says), and packets between zones are counted ({@link #crossZonePackets()}). A
     * network without zones draws exactly as before.
     */
    public void zones(int[] zoneOfNode, ZoneLatency latency) {
        if (zoneOfNode.length != side.length) {
            throw new IllegalArgumentException("zoneOfNode must have one entry per node: " + zoneOfNode.length
                    + " != " + side.length);
        }
        this.zoneOf = zoneOfNode.clone();
        this.zoneLatency = latency;
        this.crossZoneSentBy = new long[zoneOfNode.length];
    }

    /** Node {@code index}'s zone (0 when the network has no zones). */
    public int zoneOf(int index) {
        return zoneOf == null ? 0 : zoneOf[index];
    }

    /** Whether {@code from} and {@code to} are in different zones (never without zones). */
    public boolean crossZone(int from, int to) {
        return zoneOf != null && zoneOf[from] != zoneOf[to];
    }

    /** Counts a packet of {@code bytes} sent from {@code from} to {@code to} if it crosses zones. */
    public void account(int from, int to, int bytes) {
        if (crossZone(from, to)) {
            crossZonePackets++;
            crossZoneBytes += bytes;
            crossZoneSentBy[from]++;
        }
    }

    /** Packets sent between different zones so far (delivered or not). */
    public long crossZonePackets() {
        return crossZonePackets;
    }

    /** Packets node {@code index} has sent to other zones so far (0 without zones). */
    public long crossZonePacketsFrom(int index) {
        return crossZoneSentBy == null ? 0 : crossZoneSentBy[index];
    }

    /** Bytes of {@link #crossZonePackets()}. */
    public long crossZoneBytes() {
        return crossZoneBytes;
    }

    /** The model this network follows. */
    public NetworkModel model() {
        return model;
    }

    /**
     * Delay of a datagram from {@code from} to {@code to}, in ns, or {@link #CUT} if the link is
     * cut, or {@link #LOST} if the packet is lost.
     */
    public long datagramDelay(int from, int to) {
        if (!reachable(from, to)) {
            return CUT;
        }
        if (model.lossProbability() > 0 && random.nextDouble() < model.lossProbability()) {
            return LOST;
        }
        return sampleLatency(from, to);
    }

    /** Delay of a stream message, in ns, or {@link #CUT}; streams are never lost. */
    public long streamDelay(int from, int to) {
        if (!reachable(from, to)) {
            return CUT;
        }
        return sampleLatency(from, to) + model.streamExtraLatencyNanos();
    }

    /** Whether a delivered datagram should arrive a second time. */
    public boolean duplicate() {
        return model.duplicateProbability() > 0 && random.nextDouble() < model.duplicateProbability();
    }

    /** A fresh one-way latency sample from {@code from} to {@code to}, in ns: by zone when the network has zones. */
    public long sampleLatency(int from, int to) {
        if (zoneOf == null) {
            return sampleLatency();
        }
        long base = zoneOf[from] == zoneOf[to] ? zoneLatency.intraZoneNanos() : zoneLatency.interZoneNanos();
        return sampleLatency() - model.baseLatencyNanos() + base;
    }

    /** A fresh one-way latency sample, in ns. */
    public long sampleLatency() {
        long jitterNanos = model.jitterNanos();
        if (jitterNanos == 0) {
            return model.baseLatencyNanos();
        }
        long extra = switch (model.jitter()) {
            case UNIFORM -> random.nextLong(jitterNanos + 1);
            case EXPONENTIAL -> (long) Math.min(10.0 * jitterNanos,
                    -Math.log(1.0 - random.nextDouble()) * (jitterNanos / 2.0));
        };
        return model.baseLatencyNanos() + extra;
    }

    /** Whether a packet sent now from {@code from} would reach {@code to}'s host. */
    public boolean reachable(int from, int to) {
        if (partitioned && side[from] != side[to]) {
            return false;
        }
        return blocked.isEmpty() || !blocked.contains(linkKey(from, to));
    }

    /**
     * Splits the network symmetrically: {@code sides[i]} is node {@code i}'s side, and packets
     * between different sides are dropped until {@link #heal()}.
     */
    public void partition(int[] sides) {
        if (sides.length != side.length) {
            throw new IllegalArgumentException("sides must have one entry per node: " + sides.length
                    + " != " + side.length);
        }
        System.arraycopy(sides, 0, side, 0, side.length);
        partitioned = true;
    }

    /** Drops packets from {@code from} to {@code to} (one direction only) until healed. */
    public void block(int from, int to) {
        blocked.add(linkKey(from, to));
    }

    /** Restores the link from {@code from} to {@code to}. */
    public void unblock(int from, int to) {
        blocked.remove(linkKey(from, to));
    }

    /** Removes every partition and blocked link. */
    public void heal() {
        Arrays.fill(side, 0);
        partitioned = false;
        blocked.clear();
    }

    private long linkKey(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFFFFFFL);
    }
}
