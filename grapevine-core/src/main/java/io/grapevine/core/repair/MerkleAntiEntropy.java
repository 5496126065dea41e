package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.keyspace.ComparisonStep;
import io.grapevine.core.keyspace.EntriesReceived;
import io.grapevine.core.keyspace.HybridClock;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.RangeComparison;
import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.MerkleInSync;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.TrafficCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dynamo's Merkle-tree anti-entropy over the network: every {@code repairIntervalNanos} a
 * repair of every range shared with one random co-replica, at once a repair of each range
 * whose replica set changed, each one the {@link RangeComparison} steps over the stream
 * transport; and tombstone collection, which raises a range's horizon only to a time at which
 * every current co-replica was seen in sync. Confined to the node's thread.
 */
final class MerkleAntiEntropy {
    private final KeyspaceConfig config;
    private final String self;
    private final Keyspace keyspace;
    private final Placement placement;
    private final Transmitter transmitter;
    private final RandomSource random;
    private final TrafficCounters counters;
    private final int budget;
    private final RepairTally tally;
    /** By range, by co-replica: the HLC at which this node last found their roots equal. */
    private final Map<Integer, Map<String, Long>> inSyncAt = new TreeMap<>();
    private long repairs;
    private long entriesRepaired;

    MerkleAntiEntropy(KeyspaceConfig config, String self, Keyspace keyspace, Placement placement,
                      Transmitter transmitter, RandomSource random, TrafficCounters counters, int budget,
                      RepairTally tally) {
        this.config = config;
        this.self = self;
        this.keyspace = keyspace;
        this.placement = placement;
        this.transmitter = transmitter;
        this.random = random;
        this.counters = counters;
        this.budget = budget;
        this.tally = tally;
    }

    /** Opens a repair of every range shared with one random co-replica. */
    void repairWithRandomPeer(PacketSink out) {
        Map<String, List<Integer>> shared = placement.coReplicas();
        if (shared.isEmpty()) {
            return;
        }
        List<String> peers = new ArrayList<>(shared.keySet());
        String peer = peers.get(random.nextInt(peers.size()));
        open(peer, shared.get(peer), out);
    }

    /** Opens a repair of {@code partitions} with each co-replica named. */
    void repair(Map<String, List<Integer>> byPeer, PacketSink out) {
        for (Map.Entry<String, List<Integer>> peer : byPeer.entrySet()) {
            open(peer.getKey(), peer.getValue(), out);
        }
    }

    /** Opens a repair of {@code partitions} with {@code peer}, if it is live. */
    void open(String peer, List<Integer> partitions, PacketSink out) {
        placement.address(peer).ifPresent(address -> {
            repairs++;
            transmitter.stream(address, RangeComparison.roots(keyspace, partitions), out);
        });
    }

    /** A peer's hashes: answer the next level down, or the entries of the differing leaves. */
    void onHashes(Address from, NodeId sender, MerkleHashes hashes, long physicalMillis, PacketSink out) {
        MerkleShape shape = config.merkle();
        if (hashes.fanout() != shape.fanout() || hashes.depth() != shape.depth()) {
            counters.drop(DropReason.MERKLE_SHAPE_MISMATCH);
            return;
        }
        // every range the peer asks about, even one this node's ring does not give it yet: the peer may know of
        // a membership change this node has not heard of, and answering costs no more than a stale copy
        for (var item : hashes.items()) {
            if (item.level() == 0 && item.partition() < config.partitions()) {
                tally.opened(item.partition(), sender.name());
            }
        }
        ComparisonStep step = RangeComparison.compare(keyspace, hashes, p -> true, budget, physicalMillis);
        long now = HybridClock.ofMillis(physicalMillis);
        for (int range : step.matchedRanges()) {
            inSyncAt.computeIfAbsent(range, k -> new TreeMap<>()).put(sender.name(), now);
        }
        // tell the opener too: it learns it is in sync (fresh) without a further exchange
        RangeComparison.inSyncNotice(keyspace, step).ifPresent(notice -> transmitter.stream(from, notice, out));
        if (!step.leaves().isEmpty()) {
            transmitter.stream(from, RangeComparison.entriesOf(keyspace, step.leaves(), true, budget, physicalMillis),
                    out);
        }
        if (!step.deeper().isEmpty()) {
            transmitter.stream(from, new MerkleHashes(shape.fanout(), shape.depth(), step.deeper()), out);
        }
    }

    /** A peer found these roots equal to its own: ranges still at that root are in sync with it. */
    void onInSync(NodeId sender, MerkleInSync notice, long physicalMillis) {
        long now = HybridClock.ofMillis(physicalMillis);
        for (int range : RangeComparison.onInSync(keyspace, notice, physicalMillis)) {
            inSyncAt.computeIfAbsent(range, k -> new TreeMap<>()).put(sender.name(), now);
        }
    }

    /** A peer's leaf entries: apply them, and send back what the peer lacks when it asked. */
    EntriesReceived onEntries(Address from, NodeId sender, MerkleEntries entries, long physicalMillis,
                              PacketSink out) {
        EntriesReceived received = RangeComparison.onEntries(keyspace, entries, physicalMillis, budget);
        entriesRepaired += received.changed().size();
        for (SharedEntry entry : received.changed()) {
            tally.applied(keyspace.partitionOf(entry.key()), sender.name());
        }
        received.answer().filter(answer -> !answer.entries().isEmpty())
                .ifPresent(answer -> transmitter.stream(from, answer, out));
        return received;
    }

    /**
     * Collects tombstones: each range this node replicates gets the horizon
     * {@code now - tombstoneGrace}, lowered to the oldest time a current co-replica was seen in
     * sync (a range with a co-replica never seen in sync is left alone).
     */
    void collectGarbage(long physicalMillis) {
        long candidate = HybridClock.ofMillis(physicalMillis - config.tombstoneGraceNanos() / 1_000_000L);
        if (candidate <= 0) {
            return;
        }
        var ring = placement.ring();
        for (int p = 0; p < ring.partitions(); p++) {
            List<String> replicas = ring.replicas(p);
            if (!replicas.contains(self)) {
                tally.retain(p, List.of());
                continue;
            }
            tally.retain(p, replicas);
            long horizon = candidate;
            Map<String, Long> seen = inSyncAt.getOrDefault(p, Map.of());
            for (String peer : replicas) {
                if (!peer.equals(self)) {
                    horizon = Math.min(horizon, seen.getOrDefault(peer, 0L));
                }
            }
            keyspace.raiseHorizon(p, horizon);
        }
    }

    /** Repairs opened by this node so far. */
    long repairs() {
        return repairs;
    }

    /** Entries that won here through repair so far. */
    long entriesRepaired() {
        return entriesRepaired;
    }
}
