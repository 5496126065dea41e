package io.grapevine.sim.merkle;

import io.grapevine.sim.report.JsonWriter;
import java.util.Locale;

/**
 * What one {@code sim ring-repair} comparison measured, over the same seeds for both: the
 * closed-loop ring repair against random-peer Merkle anti-entropy on the same data. A
 * "round" is one step everywhere at once: each range's token makes one hop (ring), or every
 * node repairs with one random co-replica (random); either is about one exchange per node.
 * Bytes are encoded frames.
 *
 * @param nodes cluster size
 * @param rf replicas per range
 * @param keys keys written
 * @param miss probability that a write missed each of its replicas but one
 * @param loss probability that a repair message is lost
 * @param seeds seeds run (the data is the same for all; losses and choices differ)
 * @param ringBound the walk's deterministic bound without loss, {@code 2·rf - 3} steps
 * @param ring the ring repair's rounds and bytes per seed
 * @param ringOneDown the same with one node down during the walk (identical among the live ones)
 * @param ringDownSkipped replica slots the walks skipped because that node was down
 * @param random random-peer anti-entropy's rounds and bytes per seed
 * @param ringRepairedPerRound the first seed's ring repair: entries that won somewhere in each round
 */
public record RingRepairResult(int nodes, int rf, int keys, double miss, double loss, int seeds, int ringBound,
                               Rounds ring, Rounds ringOneDown, int ringDownSkipped, Rounds random,
                               java.util.List<Long> ringRepairedPerRound) {
    /** Copies the list. */
    public RingRepairResult {
        ringRepairedPerRound = java.util.List.copyOf(ringRepairedPerRound);
    }

    /** One JSON object on one line. */
    public String toJson() {
        return new JsonWriter().number("nodes", nodes).number("rf", rf).number("keys", keys).number("miss", miss)
                .number("loss", loss).number("seeds", seeds)
                .object("ring", ring.json().number("bound_rounds", ringBound))
                .object("ring_one_node_down", ringOneDown.json().number("skipped", ringDownSkipped))
                .object("random", random.json())
                .numbers("ring_entries_repaired_per_round", ringRepairedPerRound)
                .toString();
    }

    /** Lines of text for people. */
    public String toText() {
        return String.format(Locale.ROOT, "nodes=%d rf=%d keys=%d miss=%.2f loss=%.2f seeds=%d%n"
                        + "ring repair:  median %d, p90 %d, max %d rounds (bound %d without loss); median %d bytes%n"
                        + "  one down:   median %d, max %d rounds (%d replica slots skipped)%n"
                        + "random peer:  median %d, p90 %d, max %d rounds; median %d bytes%n",
                nodes, rf, keys, miss, loss, seeds, ring.quantile(0.5), ring.quantile(0.9), ring.max(), ringBound,
                ring.medianBytes(), ringOneDown.quantile(0.5), ringOneDown.max(), ringDownSkipped,
                random.quantile(0.5), random.quantile(0.9), random.max(), random.medianBytes());
    }
}
