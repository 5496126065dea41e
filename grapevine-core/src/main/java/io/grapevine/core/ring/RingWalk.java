package io.grapevine.core.ring;

import java.util.ArrayList;
import java.util.List;

/**
 * The walk of InfluxDB's closed-loop anti-entropy over one range's replicas, in ring order
 * from a starting replica: each step repairs a replica with its successor, around the loop
 * and on, until every replica holds the union: a deterministic bound, where random-peer
 * anti-entropy converges only with high probability.
 *
 * <p>InfluxDB's hop is one-way (each node sends its successor what the successor lacks), and
 * takes one loop plus one hop for three replicas ({@code 2k - 2} in general). Here a step is
 * a Merkle pair repair, which gives both ends the union: after step {@code i} replicas
 * R0..R(i+1) all met the union of R0..R(i+1) on the chain, so after {@code k - 1} steps
 * R(k-2) and R(k-1) hold everything, the closing step R(k-1)-R0 gives it to R0, and each
 * further step hands it one replica on: {@code 2k - 3} steps for {@code k >= 2} (the loop
 * alone, 3 steps, for k = 3), and no fewer suffice for arbitrary contents (tested). Pure and
 * immutable.
 *
 * @param replicas the live replicas of the range in ring order, starting at the walk's first
 */
public record RingWalk(List<String> replicas) {
    /** Copies the list; a walk needs at least one replica. */
    public RingWalk {
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a walk needs at least one replica");
        }
    }

    /** The walk over {@code ringOrder} starting at the replica at {@code start}. */
    public static RingWalk from(List<String> ringOrder, int start) {
        List<String> rotated = new ArrayList<>(ringOrder.size());
        for (int i = 0; i < ringOrder.size(); i++) {
            rotated.add(ringOrder.get((start + i) % ringOrder.size()));
        }
        return new RingWalk(rotated);
    }

    /** Steps of the walk: {@code 2k - 3} for k >= 2 replicas (1 for two, 0 for one). */
    public int steps() {
        int k = replicas.size();
        return k <= 1 ? 0 : Math.max(1, 2 * k - 3);
    }

    /** The replica that repairs at step {@code step} (0-based). */
    public String from(int step) {
        return replicas.get(step % replicas.size());
    }

    /** The replica it repairs with: its successor in ring order. */
    public String to(int step) {
        return replicas.get((step + 1) % replicas.size());
    }
}
