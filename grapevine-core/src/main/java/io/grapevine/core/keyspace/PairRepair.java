package io.grapevine.core.keyspace;

import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.MerkleInSync;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One whole Merkle repair between two replicas held in the same process, message by message
 * with the {@link RangeComparison} steps the network protocol uses, until neither side has
 * anything to send. For the simulator's measurements and for tests; {@code sent} sees every
 * message in order (to count bytes). Stateless.
 */
public final class PairRepair {
    private PairRepair() {
    }

    /**
     * What a repair exchanged.
     *
     * @param messages messages sent, both ways (2 when the ranges were identical: the roots, and
     *                 the in-sync notice back)
     * @param roundTrips the longest chain of messages each answering the one before, halved and
     *                   rounded up: the round trips the repair takes when each side answers at once
     * @param applied entries that won at either side (the repair's effect)
     */
    public record Outcome(int messages, int roundTrips, long applied) {
    }

    private record InFlight(WireMessage message, int to, int hop) {
    }

    /** Repairs {@code partitions} between {@code initiator} and {@code responder}. */
    public static Outcome run(Keyspace initiator, Keyspace responder, List<Integer> partitions, long physicalMillis,
                              Consumer<WireMessage> sent) {
        return run(initiator, responder, partitions, physicalMillis, sent, message -> true);
    }

    /**
     * Repairs like {@link #run(Keyspace, Keyspace, List, long, Consumer)} over a lossy link: a
     * message {@code delivered} refuses is sent (and counted) but never arrives, which ends
     * that branch of the repair.
     */
    public static Outcome run(Keyspace initiator, Keyspace responder, List<Integer> partitions, long physicalMillis,
                              Consumer<WireMessage> sent, java.util.function.Predicate<WireMessage> delivered) {
        int maxBytes = Math.min(initiator.config().maxRepairBytes(), responder.config().maxRepairBytes());
        Keyspace[] sides = {initiator, responder};
        Deque<InFlight> queue = new ArrayDeque<>();
        queue.add(new InFlight(RangeComparison.roots(initiator, partitions), 1, 1));
        int messages = 0;
        int hops = 0;
        long[] applied = {0};
        while (!queue.isEmpty()) {
            InFlight next = queue.poll();
            sent.accept(next.message);
            messages++;
            hops = Math.max(hops, next.hop);
            if (!delivered.test(next.message)) {
                continue;
            }
            for (WireMessage answer : answers(sides[next.to], next.message, physicalMillis, maxBytes, applied)) {
                queue.add(new InFlight(answer, 1 - next.to, next.hop + 1));
            }
        }
        return new Outcome(messages, (hops + 1) / 2, applied[0]);
    }

    /** What {@code side} sends back on receiving {@code message} (nothing when that part of the repair is over). */
    private static List<WireMessage> answers(Keyspace side, WireMessage message, long physicalMillis, int maxBytes,
                                             long[] applied) {
        if (message instanceof MerkleHashes hashes) {
            ComparisonStep step = RangeComparison.compare(side, hashes, p -> true, maxBytes, physicalMillis);
            List<WireMessage> out = new java.util.ArrayList<>(2);
            if (!step.leaves().isEmpty()) {
                out.add(RangeComparison.entriesOf(side, step.leaves(), true, maxBytes, physicalMillis));
            }
            if (!step.deeper().isEmpty()) {
                out.add(new MerkleHashes(hashes.fanout(), hashes.depth(), step.deeper()));
            }
            RangeComparison.inSyncNotice(side, step).ifPresent(out::add);
            return out;
        }
        if (message instanceof MerkleInSync notice) {
            RangeComparison.onInSync(side, notice, physicalMillis);
            return List.of();
        }
        EntriesReceived received = RangeComparison.onEntries(side, (MerkleEntries) message, physicalMillis, maxBytes);
        applied[0] += received.changed().size();
        return received.answer().filter(r -> !r.entries().isEmpty()).<List<WireMessage>>map(List::of)
                .orElse(List.of());
    }
}
