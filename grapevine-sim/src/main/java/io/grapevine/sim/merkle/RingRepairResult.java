package io.grapevine.sim.merkle;

import io.grapevine.sim.report.JsonWriter;
import java.util.Arrays;
import java.util.List;

/**
 * What one {@code sim ring-repair} comparison measured: the closed-loop ring repair (one run:
 * it is deterministic given the data) against random-peer Merkle anti-entropy over several
 * seeds. A "round" is one step for every range at once: each range's token makes one hop
 * (ring), or every node repairs with one random co-replica (random). Bytes are encoded frames.
 *
 * @param nodes cluster size
 * @param rf replicas per range
 * @param keys keys written
 * @param miss probability that a write missed each of its replicas but one
 * @param loss probability that a repair message is lost
 * @param seeds seeds of the random runs (the first also makes the data)
 * @param ringBound the walk's deterministic bound, {@code 2·rf - 3} steps
 * @param ringRounds rounds the ring repair took until every replica of every range was identical
 * @param ringBytes bytes the ring repair sent
 * @param ringDownRounds the same with one node down during the walk (identical among the live ones)
 * @param ringDownSkipped replica slots the walks skipped because that node was down
 * @param randomRounds rounds random anti-entropy took, one per seed, sorted
 * @param randomBytes bytes it sent, one per seed, in the same order as the seeds
 */
public record RingRepairResult(int nodes, int rf, int keys, double miss, double loss, int seeds, int ringBound, int ringRounds,
                               long ringBytes, int ringDownRounds, int ringDownSkipped, int[] randomRounds,
                               long[] randomBytes) {
    /** Copies the arrays. */
    public RingRepairResult {
        randomRounds = randomRounds.clone();
        Arrays.sort(randomRounds);
        randomBytes = randomBytes.clone();
    }

    private int quantile(double q) {
        return randomRounds[Math.min(randomRounds.length - 1, (int) Math.ceil(q * randomRounds.length) - 1)];
    }

    private double medianBytes() {
        long[] sorted = randomBytes.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /** One JSON object on one line. */
    public String toJson() {
        JsonWriter ring = new JsonWriter().number("bound_rounds", ringBound).number("rounds", ringRounds)
                .number("bytes", ringBytes).number("rounds_one_node_down", ringDownRounds)
                .number("skipped_one_node_down", ringDownSkipped);
        JsonWriter random = new JsonWriter().number("median_rounds", quantile(0.5)).number("p90_rounds", quantile(0.9))
                .number("max_rounds", randomRounds[randomRounds.length - 1]).number("median_bytes", medianBytes())
                .number("seeds", seeds);
        return new JsonWriter().number("nodes", nodes).number("rf", rf).number("keys", keys).number("miss", miss)
                .number("loss", loss)
                .object("ring", ring).object("random", random)
                .strings("random_rounds", Arrays.stream(randomRounds).mapToObj(String::valueOf).toList())
                .toString();
    }

    /** Lines of text for people. */
    public String toText() {
        return String.format(java.util.Locale.ROOT, "nodes=%d rf=%d keys=%d miss=%.2f loss=%.2f%n"
                        + "ring repair:   %d rounds (bound %d without loss), %d bytes; one node down: %d rounds, "
                        + "%d skipped%n"
                        + "random peer:   median %d, p90 %d, max %d rounds over %d seeds; median %.0f bytes%n",
                nodes, rf, keys, miss, loss, ringRounds, ringBound, ringBytes, ringDownRounds, ringDownSkipped,
                quantile(0.5), quantile(0.9), randomRounds[randomRounds.length - 1], seeds, medianBytes());
    }

    /** For tests: the random rounds, sorted. */
    public List<Integer> randomRoundList() {
        return Arrays.stream(randomRounds).boxed().toList();
    }
}
