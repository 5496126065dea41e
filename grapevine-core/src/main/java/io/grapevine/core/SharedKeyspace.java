package io.grapevine.core;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.repair.KeyspaceReplicator;
import io.grapevine.core.repair.RingRepairCounts;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.SharedEntry;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A node's face for the shared keyspace (docs/SHARED-KEYSPACE.md): keys any node may write,
 * held by {@code rf} replicas on the hash ring, merged by last-writer-wins on hybrid logical
 * clocks and repaired by Merkle trees and the closed-loop ring repair. Get it with
 * {@link Node#shared()}. Each operation takes the caller's id for it (positive, not pending) and
 * ends with one {@link Outputs#sharedOpCompleted} for that id, possibly during the call; a key or
 * value over a limit throws {@link IllegalArgumentException} naming the limit. Confined to the
 * node's thread, like the node.
 */
public final class SharedKeyspace {
    private final KeyspaceReplicator replicator;
    private final LongConsumer inputAt;

    SharedKeyspace(KeyspaceReplicator replicator, LongConsumer inputAt) {
        this.replicator = replicator;
        this.inputAt = inputAt;
    }

    /** Writes {@code key}: stamped here and mailed to its replicas; done once {@code w} acknowledged. */
    public void put(long opId, String key, byte[] value, long nowNanos, Outputs out) {
        inputAt.accept(nowNanos);
        replicator.put(opId, key, Bytes.copyOf(value), nowNanos, out);
    }

    /** Deletes {@code key}: a tombstone, written like a value. */
    public void delete(long opId, String key, long nowNanos, Outputs out) {
        inputAt.accept(nowNanos);
        replicator.delete(opId, key, nowNanos, out);
    }

    /** Reads {@code key} from {@code r} of its replicas (at once from here when a replica and r = 1). */
    public void get(long opId, String key, long nowNanos, Outputs out) {
        inputAt.accept(nowNanos);
        replicator.get(opId, key, nowNanos, out);
    }

    /** Lists the live keys starting with {@code prefix}, asking one replica of each range. */
    public void scan(long opId, String prefix, long nowNanos, Outputs out) {
        inputAt.accept(nowNanos);
        replicator.scan(opId, prefix, nowNanos, out);
    }

    /** Starts a closed-loop ring repair of one random range this node replicates, now. */
    public void startRingRepair(long nowNanos, Outputs out) {
        inputAt.accept(nowNanos);
        replicator.startRingRepair(nowNanos, out);
    }

    /** The entry this node holds for {@code key} (value or tombstone), replica or not. */
    public Optional<SharedEntry> local(String key) {
        return Optional.ofNullable(replicator.localEntry(key));
    }

    /** The ring as this node sees it now. */
    public HashRing ring() {
        return replicator.ring();
    }

    /** This node's keyspace data: entries, trees, horizons (for reading; changes go through the operations). */
    public Keyspace data() {
        return replicator.keyspace();
    }

    /** Merkle repairs this node opened so far. */
    public long repairsOpened() {
        return replicator.repairsOpened();
    }

    /** Entries that won here through Merkle repair so far. */
    public long entriesRepaired() {
        return replicator.entriesRepaired();
    }

    /** Closed-loop ring repairs this node started, ended and ended verified. */
    public RingRepairCounts ringRepairCounts() {
        return replicator.ringRepairCounts();
    }

    /** When the keyspace needs a tick ({@code Long.MAX_VALUE} while unused). */
    public long nextDeadlineNanos() {
        return replicator.nextDeadlineNanos();
    }
}
