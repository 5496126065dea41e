package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.keyspace.ApplyOutcome;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.KeyRead;
import io.grapevine.core.wire.KeyReadReply;
import io.grapevine.core.wire.KeyScan;
import io.grapevine.core.wire.KeyWrite;
import io.grapevine.core.wire.KeyWriteAck;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operations on the shared keyspace, coordinated by whichever node the application
 * called (Dynamo §4.5): a write is stamped here and mailed at once to every replica of its
 * key, and done when {@code w} of them (this node included, when it is one) acknowledged; a
 * read asks the key's replicas and is done when {@code r} answered, the newest entry by
 * last-writer-wins returned (the local one at once when this node is a replica and
 * {@code r = 1}); a scan asks one replica of each range. Each ends with one
 * {@link SharedOpResult}, or TIMEOUT after {@code requestTimeoutNanos}. A request a replica has
 * not answered is resent to it every eighth of that timeout until it does (a datagram lost
 * either way then costs a resend, not the operation); each replica counts once, however often
 * it answers, so a resend can never make up a quorum. Also the replica's
 * side: applying mailed writes, acknowledging them, answering reads and scans. Confined to
 * the node's thread.
 */
final class SharedOperations {
    private final KeyspaceConfig config;
    private final String self;
    private final Keyspace keyspace;
    private final Placement placement;
    private final Transmitter transmitter;
    private final TrafficCounters counters;
    private final PendingOps pending;
    private final int budget;

    SharedOperations(KeyspaceConfig config, String self, Keyspace keyspace, Placement placement,
                     Transmitter transmitter, TrafficCounters counters, int budget) {
        this.config = config;
        this.self = self;
        this.keyspace = keyspace;
        this.placement = placement;
        this.transmitter = transmitter;
        this.counters = counters;
        this.pending = new PendingOps(config.maxPendingOps());
        this.budget = budget;
    }

    private void checkId(long opId) {
        if (opId <= 0 || pending.contains(opId)) {
            throw new IllegalArgumentException("opId must be positive and not pending: " + opId);
        }
    }

    /** Starts a write (a tombstone when {@code delete}); see the class comment. */
    void write(long opId, String key, Bytes value, boolean delete, long nowNanos, long physicalMillis,
               KeyspaceOutputs out) {
        checkId(opId);
        SharedEntry entry = keyspace.stamp(key, value, delete, self, physicalMillis);
        SharedOpKind kind = delete ? SharedOpKind.DELETE : SharedOpKind.PUT;
        if (pending.full()) {
            out.sharedOpCompleted(new SharedOpResult(opId, kind, SharedOpStatus.REJECTED, 0, List.of(entry), false));
            return;
        }
        List<String> replicas = placement.ring().replicas(keyspace.partitionOf(key));
        PendingOp op = new PendingOp(opId, kind, Math.min(config.writeAcks(), replicas.size()),
                nowNanos + config.requestTimeoutNanos(), entry);
        boolean done = false;
        if (replicas.contains(self)) {
            ApplyOutcome outcome = keyspace.apply(entry, physicalMillis);
            if (outcome == ApplyOutcome.FULL) {
                throw new IllegalArgumentException("this node holds maxKeys (" + config.maxKeys() + ") shared entries");
            }
            done = op.answered();
        }
        List<byte[]> frame = List.of(WireCodec.encodeFrame(new KeyWrite(opId, List.of(entry))));
        for (String replica : replicas) {
            if (!replica.equals(self)) {
                ask(op, replica, frame, nowNanos, out);
            }
        }
        finish(op, done, out);
    }

    /** Starts a read of {@code key}. */
    void get(long opId, String key, long nowNanos, KeyspaceOutputs out) {
        checkId(opId);
        if (pending.full()) {
            out.sharedOpCompleted(new SharedOpResult(opId, SharedOpKind.GET, SharedOpStatus.REJECTED, 0, List.of(),
                    false));
            return;
        }
        List<String> replicas = placement.ring().replicas(keyspace.partitionOf(key));
        PendingOp op = new PendingOp(opId, SharedOpKind.GET, Math.min(config.readAcks(), replicas.size()),
                nowNanos + config.requestTimeoutNanos(), null);
        boolean done = false;
        if (replicas.contains(self)) {
            SharedEntry held = keyspace.get(key);
            op.offer(held == null ? List.of() : List.of(held), true);
            done = op.answered();
        }
        if (!done) {
            List<byte[]> frame = List.of(WireCodec.encodeFrame(new KeyRead(opId, key)));
            for (String replica : replicas) {
                if (!replica.equals(self)) {
                    ask(op, replica, frame, nowNanos, out);
                }
            }
        }
        finish(op, done, out);
    }

    /** Starts a scan of the live keys starting with {@code prefix}: one replica of every range. */
    void scan(long opId, String prefix, long nowNanos, KeyspaceOutputs out) {
        checkId(opId);
        if (pending.full()) {
            out.sharedOpCompleted(new SharedOpResult(opId, SharedOpKind.SCAN, SharedOpStatus.REJECTED, 0, List.of(),
                    false));
            return;
        }
        HashRing ring = placement.ring();
        Map<String, List<Integer>> byReplica = new TreeMap<>();
        for (int p = 0; p < ring.partitions(); p++) {
            List<String> replicas = ring.replicas(p);
            String asked = replicas.contains(self) ? self : replicas.isEmpty() ? self : replicas.get(0);
            byReplica.computeIfAbsent(asked, k -> new ArrayList<>()).add(p);
        }
        PendingOp op = new PendingOp(opId, SharedOpKind.SCAN, byReplica.size(), nowNanos + config.requestTimeoutNanos(),
                null);
        boolean done = false;
        for (Map.Entry<String, List<Integer>> asked : byReplica.entrySet()) {
            if (asked.getKey().equals(self)) {
                KeyReadReply mine = scanHere(opId, prefix, asked.getValue());
                op.offer(mine.entries(), mine.complete());
                done = op.answered();
            } else {
                ask(op, asked.getKey(), List.of(WireCodec.encodeFrame(new KeyScan(opId, prefix, asked.getValue()))),
                        nowNanos, out);
            }
        }
        finish(op, done, out);
    }

    /** Sends {@code frames} to {@code replica} for {@code op}, and remembers them to resend until it answers. */
    private void ask(PendingOp op, String replica, List<byte[]> frames, long nowNanos, KeyspaceOutputs out) {
        Optional<Address> address = placement.address(replica);
        if (address.isPresent()) {
            transmitter.send(address.get(), frames, out);
            op.asked(replica, address.get(), frames, nowNanos + resendIntervalNanos());
        }
    }

    private long resendIntervalNanos() {
        return Math.max(1, config.requestTimeoutNanos() / 8);
    }

    private void finish(PendingOp op, boolean done, KeyspaceOutputs out) {
        if (done) {
            out.sharedOpCompleted(op.result(SharedOpStatus.OK));
        } else {
            pending.add(op);
        }
    }

    /** A coordinator's write: apply it and acknowledge when asked and held. */
    void onWrite(Address from, KeyWrite write, long physicalMillis, KeyspaceOutputs out) {
        boolean held = true;
        for (SharedEntry entry : write.entries()) {
            ApplyOutcome outcome = keyspace.apply(entry, physicalMillis);
            if (!outcome.holds()) {
                counters.drop(DropReason.SHARED_ENTRY_REFUSED);
                held = false;
            }
        }
        if (held && write.opId() > 0) {
            transmitter.send(from, new KeyWriteAck(write.opId()), out);
        }
    }

    /**
     * {@code replica}'s acknowledgement; late ones (the operation already done), repeated ones and
     * those of a member never asked are ignored.
     */
    void onWriteAck(String replica, KeyWriteAck ack, KeyspaceOutputs out) {
        PendingOp op = pending.get(ack.opId());
        boolean write = op != null && (op.kind == SharedOpKind.PUT || op.kind == SharedOpKind.DELETE);
        if (write && op.firstAnswerFrom(replica) && op.answered()) {
            pending.remove(op.opId);
            out.sharedOpCompleted(op.result(SharedOpStatus.OK));
        }
    }

    /** A coordinator's read: answer with the entry held, tombstone included. */
    void onRead(Address from, KeyRead read, KeyspaceOutputs out) {
        SharedEntry held = keyspace.get(read.key());
        transmitter.send(from, new KeyReadReply(read.opId(), true, held == null ? List.of() : List.of(held)), out);
    }

    /** A coordinator's scan: answer with the live entries of the ranges asked for (each once, however often named). */
    void onScan(Address from, KeyScan scan, KeyspaceOutputs out) {
        List<Integer> ranges = List.copyOf(new java.util.TreeSet<>(scan.partitions()));
        transmitter.send(from, scanHere(scan.opId(), scan.prefix(), ranges), out);
    }

    private KeyReadReply scanHere(long opId, String prefix, List<Integer> partitions) {
        List<SharedEntry> found = new ArrayList<>();
        int[] bytes = {0};
        boolean[] complete = {true};
        for (int p : partitions) {
            if (p >= config.partitions()) {
                continue;
            }
            keyspace.scanPartition(p, entry -> {
                if (!entry.tombstone() && entry.key().startsWith(prefix) && complete[0]) {
                    bytes[0] += entry.encodedSize();
                    if (bytes[0] > budget) {
                        complete[0] = false;
                    } else {
                        found.add(entry);
                    }
                }
            });
        }
        return new KeyReadReply(opId, complete[0], found);
    }

    /** {@code replica}'s answer to a read or scan; ignored as {@link #onWriteAck} ignores an ack. */
    void onReadReply(String replica, KeyReadReply reply, KeyspaceOutputs out) {
        PendingOp op = pending.get(reply.opId());
        if (op == null || (op.kind != SharedOpKind.GET && op.kind != SharedOpKind.SCAN)
                || !op.firstAnswerFrom(replica)) {
            return;
        }
        op.offer(reply.entries(), reply.complete());
        if (op.answered()) {
            pending.remove(op.opId);
            out.sharedOpCompleted(op.result(SharedOpStatus.OK));
        }
    }

    /** Ends the operations whose deadline passed with TIMEOUT, and resends the requests due again. */
    void expire(long nowNanos, KeyspaceOutputs out) {
        for (PendingOp op : pending.expire(nowNanos)) {
            out.sharedOpCompleted(op.result(SharedOpStatus.TIMEOUT));
        }
        for (PendingOp op : pending.all()) {
            for (PendingOp.Request request : op.resendsDue(nowNanos, resendIntervalNanos())) {
                transmitter.send(request.address(), request.frames(), out);
            }
        }
    }

    long nextDeadlineNanos() {
        return pending.nextDeadlineNanos();
    }
}
