package io.grapevine.core.wire;

import io.grapevine.core.base.TextLimits;
import java.util.List;

/**
 * The token of one closed-loop ring repair of a range (InfluxDB's anti-entropy): it walks the
 * range's replicas in ring order ({@code walk}, fixed by the round's origin); the holder at
 * step {@code step} repairs the range with its successor, then passes the token on with its
 * root hash appended. The holder at step {@code steps} checks that its root equals the roots
 * the last replicas reported: the round's verification.
 *
 * @param partition the range, {@code >= 0}
 * @param round the origin's round number, positive
 * @param origin the node that started the round, non-blank
 * @param step how many steps were done, 0..steps
 * @param walk the replicas in walk order (the holder of step s is {@code walk[s mod size]}), at least one
 * @param roots the root hash each holder had when it passed the token on, in step order
 * @param skipped replicas left out of the walk because they were down when their turn came
 */
public record RingRepairToken(int partition, long round, String origin, int step, List<String> walk,
                              List<Long> roots, List<String> skipped) implements WireMessage {
    /** Validates the fields. */
    public RingRepairToken {
        if (partition < 0 || round <= 0 || step < 0) {
            throw new IllegalArgumentException("partition and step must be >= 0, round > 0");
        }
        TextLimits.checkName("origin", origin);
        walk = List.copyOf(walk);
        roots = List.copyOf(roots);
        if (walk.isEmpty()) {
            throw new IllegalArgumentException("walk must not be empty");
        }
        for (String replica : walk) {
            TextLimits.checkName("walk entry", replica);
        }
        skipped = List.copyOf(skipped);
        for (String replica : skipped) {
            TextLimits.checkName("skipped entry", replica);
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.RING_REPAIR;
    }
}
