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
 * @param entriesPerHop for each hop done so far, restarts included (so at least {@code step}
 *                      of them), the entries that won at either end of that hop's pair repair:
 *                      the holder adds those it applied from its successor as it passes the
 *                      token on, the successor those it applied from the holder as it takes it
 *                      (see {@code RingRepair}); each {@code >= 0}, at most
 *                      {@link #maxHops(int)} of them for the round's replicas
 * @param skipped replicas left out of the walk because they were down when their turn came
 */
public record RingRepairToken(int partition, long round, String origin, int step, List<String> walk,
                              List<Long> roots, List<Long> entriesPerHop, List<String> skipped)
        implements WireMessage {
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
        entriesPerHop = List.copyOf(entriesPerHop);
        int hops = maxHops(walk.size() + skipped.size());
        if (entriesPerHop.size() > hops) {
            throw new IllegalArgumentException("entriesPerHop holds " + entriesPerHop.size()
                    + " hops, more than the " + hops + " a round over " + (walk.size() + skipped.size())
                    + " replicas walks");
        }
        for (long entries : entriesPerHop) {
            if (entries < 0) {
                throw new IllegalArgumentException("entriesPerHop must be >= 0: " + entries);
            }
        }
    }

    /**
     * The most hops a round over {@code replicas} replicas walks, restarts included:
     * {@code (replicas - 1)^2}, the steps {@code 2k - 3} of walks over k = replicas, replicas - 1,
     * ..., 2 (each restart leaves one replica out, and is made before its walk's last step).
     */
    public static int maxHops(int replicas) {
        long k = Math.max(0, replicas - 1);
        return (int) Math.min(Integer.MAX_VALUE, k * k);
    }

    @Override
    public MessageType kind() {
        return MessageType.RING_REPAIR;
    }
}
