package io.grapevine.core.repair;

import java.util.List;

/**
 * The end of one closed-loop ring repair, reported by the replica that held the token last.
 *
 * @param partition the range
 * @param round the origin's round number
 * @param origin the replica that started it
 * @param steps the steps walked (pair repairs with a successor), restarts included
 * @param walk the replicas walked, in walk order (a replica found down is left out)
 * @param skipped replicas left out because they were down when their turn came
 * @param entriesPerHop for each hop walked, in order (hops before a restart included), the
 *                      entries of the range that won at either end of that hop's pair repair
 *                      (see {@code RingRepairToken#entriesPerHop})
 * @param verified true when every replica of the walk reported the same root hash: identical
 */
public record RingRepairReport(int partition, long round, String origin, int steps, List<String> walk,
                               List<String> skipped, List<Long> entriesPerHop, boolean verified) {
    /** Copies the lists. */
    public RingRepairReport {
        walk = List.copyOf(walk);
        skipped = List.copyOf(skipped);
        entriesPerHop = List.copyOf(entriesPerHop);
    }

    /** The entries the round moved: the sum of {@link #entriesPerHop}. */
    public long entriesRepaired() {
        long sum = 0;
        for (long entries : entriesPerHop) {
            sum += entries;
        }
        return sum;
    }
}
