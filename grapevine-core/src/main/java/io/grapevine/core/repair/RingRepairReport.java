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
 * @param verified true when every replica of the walk reported the same root hash: identical
 */
public record RingRepairReport(int partition, long round, String origin, int steps, List<String> walk,
                               List<String> skipped, boolean verified) {
    /** Copies the lists. */
    public RingRepairReport {
        walk = List.copyOf(walk);
        skipped = List.copyOf(skipped);
    }
}
