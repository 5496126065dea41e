package io.grapevine.core.keyspace;

import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.WireMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One whole Merkle repair between two replicas held in the same process, message by message
 * with the {@link RangeComparison} steps the network protocol uses, until neither side has
 * anything to send. For the simulator's measurements and for tests; {@code sent} sees every
 * message in order (to count bytes and round trips). Stateless.
 */
public final class PairRepair {
    private PairRepair() {
    }

    /**
     * Repairs {@code partitions} between {@code initiator} and {@code responder}; returns the
     * number of messages exchanged (1 when the ranges were identical: the roots alone).
     */
    public static int run(Keyspace initiator, Keyspace responder, List<Integer> partitions, long physicalMillis,
                          Consumer<WireMessage> sent) {
        int maxBytes = Math.min(initiator.config().maxRepairBytes(), responder.config().maxRepairBytes());
        Keyspace[] sides = {initiator, responder};
        WireMessage next = RangeComparison.roots(initiator, partitions);
        int messages = 0;
        int to = 1;
        while (next != null) {
            sent.accept(next);
            messages++;
            next = answer(sides[to], next, physicalMillis, maxBytes);
            to = 1 - to;
        }
        return messages;
    }

    /** What {@code side} sends back on receiving {@code message}, or null when the repair is over. */
    private static WireMessage answer(Keyspace side, WireMessage message, long physicalMillis, int maxBytes) {
        if (message instanceof MerkleHashes hashes) {
            ComparisonStep step = RangeComparison.compare(side, hashes, p -> true);
            if (!step.leaves().isEmpty()) {
                // every range descends in lockstep from the roots, so one message's items share a level:
                // it yields leaves or deeper hashes, never both
                return RangeComparison.entriesOf(side, step.leaves(), true, maxBytes);
            }
            return step.deeper().isEmpty() ? null
                    : new MerkleHashes(hashes.fanout(), hashes.depth(), step.deeper());
        }
        MerkleEntries entries = (MerkleEntries) message;
        Optional<MerkleEntries> reply = RangeComparison.onEntries(side, entries, physicalMillis, maxBytes).answer();
        return reply.filter(r -> !r.entries().isEmpty()).orElse(null);
    }
}
