package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.KeyRead;
import io.grapevine.core.wire.KeyReadReply;
import io.grapevine.core.wire.KeyScan;
import io.grapevine.core.wire.KeyWrite;
import io.grapevine.core.wire.KeyWriteAck;
import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.MerkleInSync;
import io.grapevine.core.wire.RingRepairToken;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireMessage;
import java.util.List;
import java.util.Map;

/**
 * The shared keyspace of one node: its data ({@link Keyspace} over a {@link KeyStore}), its
 * view of the ring, the operations it coordinates and its Merkle anti-entropy, behind the
 * node's inputs. Costs nothing until used: no timer runs and no randomness is drawn until the
 * store holds an entry, an operation starts or a keyspace message arrives, so clusters that
 * never use it keep their traces.
 *
 * <p>Physical time for the hybrid logical clock is {@code (nowNanos + clockOffsetNanos) / 10^6}
 * milliseconds: the driver gives the offset of its wall clock from the monotonic time it
 * passes (the simulator 0 plus any skew it models). Confined to the node's thread.
 */
public final class KeyspaceReplicator {
    private final KeyspaceConfig config;
    private final Keyspace keyspace;
    private final Placement placement;
    private final SharedOperations operations;
    private final MerkleAntiEntropy antiEntropy;
    private final RingRepair ringRepair;
    private final RandomSource random;
    private final long clockOffsetNanos;
    private boolean active;
    private long nextRepairNanos = Long.MAX_VALUE;
    private long nextGcNanos = Long.MAX_VALUE;

    /**
     * The keyspace of node {@code self}, whose entries are in {@code store} (rebuilt from it).
     *
     * @param maxStreamBytes the stream frame limit, which bounds every repair, read and scan message
     */
    public KeyspaceReplicator(KeyspaceConfig config, int maxStreamBytes, String self, KeyStore store,
                              MemberTable table, Transmitter transmitter, RandomSource random,
                              TrafficCounters counters, long clockOffsetNanos) {
        this.config = config;
        this.keyspace = new Keyspace(config, store);
        this.placement = new Placement(config, self, table);
        int budget = config.repairBudget(maxStreamBytes);
        this.operations = new SharedOperations(config, self, keyspace, placement, transmitter, counters, budget);
        RepairTally tally = new RepairTally();
        this.antiEntropy = new MerkleAntiEntropy(config, self, keyspace, placement, transmitter, random, counters,
                budget, tally);
        this.ringRepair = new RingRepair(config, self, keyspace, placement, antiEntropy, tally, transmitter, random,
                counters);
        this.random = random;
        this.clockOffsetNanos = clockOffsetNanos;
        this.active = store.size() > 0;
    }

    private long physicalMillis(long nowNanos) {
        return Math.floorDiv(nowNanos + clockOffsetNanos, 1_000_000L);
    }

    /** Starts the timers on first use (see the class comment). */
    private void activate(long nowNanos) {
        if (nextGcNanos != Long.MAX_VALUE) {
            return;
        }
        active = true;
        nextGcNanos = nowNanos + gcIntervalNanos();
        if (config.repairIntervalNanos() > 0) {
            nextRepairNanos = nowNanos + random.nextLong(config.repairIntervalNanos());
        }
        ringRepair.start(nowNanos);
    }

    private long gcIntervalNanos() {
        return Math.max(1_000_000L, config.tombstoneGraceNanos() / 8);
    }

    /** Writes {@code key} (see {@code SharedKeyspace.put}). */
    public void put(long opId, String key, Bytes value, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        operations.write(opId, key, value, false, nowNanos, physicalMillis(nowNanos), out);
    }

    /** Deletes {@code key}: a tombstone written like a value. */
    public void delete(long opId, String key, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        operations.write(opId, key, Bytes.EMPTY, true, nowNanos, physicalMillis(nowNanos), out);
    }

    /** Reads {@code key} from {@code r} replicas. */
    public void get(long opId, String key, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        operations.get(opId, key, nowNanos, out);
    }

    /** Lists the live keys starting with {@code prefix}. */
    public void scan(long opId, String prefix, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        operations.scan(opId, prefix, nowNanos, out);
    }

    /** One keyspace message (types 11..19), routed to the part whose job it is. */
    public void onMessage(Address from, NodeId sender, WireMessage message, long nowNanos, KeyspaceOutputs out) {
        switch (message.kind()) {
            case KEY_WRITE -> onWrite(from, (KeyWrite) message, nowNanos, out);
            case KEY_WRITE_ACK -> onWriteAck(sender, (KeyWriteAck) message, out);
            case KEY_READ -> onRead(from, (KeyRead) message, nowNanos, out);
            case KEY_SCAN -> onScan(from, (KeyScan) message, nowNanos, out);
            case KEY_READ_REPLY -> onReadReply(sender, (KeyReadReply) message, out);
            case MERKLE_HASHES -> onMerkleHashes(from, sender, (MerkleHashes) message, nowNanos, out);
            case MERKLE_ENTRIES -> onMerkleEntries(from, sender, (MerkleEntries) message, nowNanos, out);
            case RING_REPAIR -> onRingRepair((RingRepairToken) message, nowNanos, out);
            case MERKLE_IN_SYNC -> {
                activate(nowNanos);
                antiEntropy.onInSync(sender, (MerkleInSync) message, physicalMillis(nowNanos));
            }
            default -> throw new IllegalArgumentException("not a keyspace message: " + message.kind());
        }
    }

    /** A mailed write. */
    public void onWrite(Address from, KeyWrite write, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        operations.onWrite(from, write, physicalMillis(nowNanos), out);
    }

    /** A replica's acknowledgement; {@code sender} counts once per operation. */
    public void onWriteAck(NodeId sender, KeyWriteAck ack, KeyspaceOutputs out) {
        operations.onWriteAck(sender.name(), ack, out);
    }

    /** A read asked of this replica. */
    public void onRead(Address from, KeyRead read, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        operations.onRead(from, read, out);
    }

    /** A scan asked of this replica. */
    public void onScan(Address from, KeyScan scan, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        operations.onScan(from, scan, out);
    }

    /** A replica's answer to a read or scan; {@code sender} counts once per operation. */
    public void onReadReply(NodeId sender, KeyReadReply reply, KeyspaceOutputs out) {
        operations.onReadReply(sender.name(), reply, out);
    }

    /** A step of a Merkle repair. */
    public void onMerkleHashes(Address from, NodeId sender, MerkleHashes hashes, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        antiEntropy.onHashes(from, sender, hashes, physicalMillis(nowNanos), out);
    }

    /** The leaf entries of a Merkle repair. */
    public void onMerkleEntries(Address from, NodeId sender, MerkleEntries entries, long nowNanos,
                                KeyspaceOutputs out) {
        activate(nowNanos);
        antiEntropy.onEntries(from, sender, entries, physicalMillis(nowNanos), out);
    }

    /** A closed-loop ring repair's token, handed to this replica. */
    public void onRingRepair(RingRepairToken token, long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        ringRepair.onToken(token, nowNanos, out);
    }

    /** Starts a closed-loop ring repair of one random range this node replicates now (also started every interval). */
    public void startRingRepair(long nowNanos, KeyspaceOutputs out) {
        activate(nowNanos);
        refresh(out);
        ringRepair.startRound(nowNanos, out);
    }

    /** Follows the ring, ends timed-out operations, repairs and collects tombstones when due. */
    public void onTick(long nowNanos, KeyspaceOutputs out) {
        if (!active) {
            return;
        }
        activate(nowNanos);
        refresh(out);
        operations.expire(nowNanos, out);
        if (nextRepairNanos <= nowNanos) {
            nextRepairNanos = nowNanos + config.repairIntervalNanos();
            antiEntropy.repairWithRandomPeer(out);
        }
        if (nextGcNanos <= nowNanos) {
            nextGcNanos = nowNanos + gcIntervalNanos();
            antiEntropy.collectGarbage(physicalMillis(nowNanos));
        }
        ringRepair.onTick(nowNanos, out);
    }

    /** A changed live set moves ranges: repair each range whose replica set changed at once (see {@link Placement#refresh}). */
    private void refresh(KeyspaceOutputs out) {
        Map<String, List<Integer>> changed = placement.refresh();
        if (!changed.isEmpty()) {
            antiEntropy.repair(changed, out);
        }
    }

    /** When {@link #onTick} is due: the next timeout, repair or collection; never while unused. */
    public long nextDeadlineNanos() {
        if (!active) {
            return Long.MAX_VALUE;
        }
        long next = Math.min(Math.min(nextRepairNanos, nextGcNanos), operations.nextDeadlineNanos());
        return Math.min(next, ringRepair.nextDeadlineNanos());
    }

    /** The entry this node holds for {@code key} (a value or tombstone), whether or not it is a replica. */
    public SharedEntry localEntry(String key) {
        return keyspace.get(key);
    }

    /** The ring as this node sees it now. */
    public HashRing ring() {
        return placement.ring();
    }

    /** This node's keyspace data (entries, trees, horizons). */
    public Keyspace keyspace() {
        return keyspace;
    }

    /** Merkle repairs this node opened so far. */
    public long repairsOpened() {
        return antiEntropy.repairs();
    }

    /** Entries that won here through Merkle repair so far. */
    public long entriesRepaired() {
        return antiEntropy.entriesRepaired();
    }

    /** Closed-loop ring repairs this node started, ended (as last holder) and ended verified, and the entries they moved. */
    public RingRepairCounts ringRepairCounts() {
        return ringRepair.counts();
    }
}
