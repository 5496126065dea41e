package io.grapevine.sim.epidemic;

import io.grapevine.core.base.RandomSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mutable state of one run: when each node learned the update, the acting order, the
 * message counters and the curve. Plain int arrays, no per-node objects, so N = 10^5 is cheap.
 *
 * <p>Node 0 is the origin and learns the update in round 0. In synchronous mode a node
 * "knows" in round r only if it learned before r; asynchronously, as soon as it learned.
 */
final class Outbreak {
    /** Marks a node that has not learned the update. */
    static final int NEVER = Integer.MAX_VALUE;

    /** The experiment this run belongs to. */
    final EpidemicConfig config;
    /** Cluster size N. */
    final int nodes;
    private final int[] learnedRound;
    private final int[] chosen;
    private final List<Double> curve = new ArrayList<>();
    private int reached;
    private long updateMessages;
    private long totalMessages;
    private long bytes;

    /** A run in which only the origin, node 0, knows the update. */
    Outbreak(EpidemicConfig config) {
        this.config = config;
        this.nodes = config.nodes();
        this.learnedRound = new int[nodes];
        Arrays.fill(learnedRound, NEVER);
        this.chosen = new int[config.fanout()];
        learn(0, 0);
        curve.add(fraction());
    }

    /** Whether {@code node} holds the update as seen by a node acting in {@code round}. */
    boolean knows(int node, int round) {
        int learned = learnedRound[node];
        return config.synchronous() ? learned < round : learned <= round;
    }

    /** Records that {@code node} received the update in {@code round}; true if it was new. */
    boolean learn(int node, int round) {
        if (learnedRound[node] != NEVER) {
            return false;
        }
        learnedRound[node] = round;
        reached++;
        return true;
    }

    /** Nodes that have learned the update so far. */
    int reached() {
        return reached;
    }

    /** Whether every node has learned the update. */
    boolean everyoneKnows() {
        return reached == nodes;
    }

    /** Counts one message; returns true if it arrived. */
    boolean send(boolean carriesUpdate, RandomSource lossRandom) {
        totalMessages++;
        bytes += config.digestBytes();
        if (carriesUpdate) {
            updateMessages++;
            bytes += config.updateBytes();
        }
        return config.loss() == 0 || lossRandom.nextDouble() >= config.loss();
    }

    /**
     * Fills and returns {@code fanout} distinct peers other than {@code self}, uniformly at
     * random. The array is reused between calls.
     */
    int[] peers(int self, RandomSource random) {
        for (int f = 0; f < chosen.length; f++) {
            int peer;
            boolean duplicate;
            do {
                peer = random.nextInt(nodes - 1);
                if (peer >= self) {
                    peer++;
                }
                duplicate = false;
                for (int g = 0; g < f; g++) {
                    duplicate |= chosen[g] == peer;
                }
            } while (duplicate);
            chosen[f] = peer;
        }
        return chosen;
    }

    /**
     * The order in which nodes act within a round: node index order when synchronous (order is
     * irrelevant there), else a random permutation drawn once per run, which is the order of
     * independent uniform phases within the period.
     */
    static int[] actingOrder(EpidemicConfig config, RandomSource random) {
        int[] order = new int[config.nodes()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!config.synchronous()) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    /** Appends the fraction holding the update after a round. */
    void endRound() {
        curve.add(fraction());
    }

    private double fraction() {
        return reached / (double) nodes;
    }

    /** The measurements of this run, ended after {@code rounds}. */
    SpreadResult result(long seed, int rounds, boolean finished) {
        return new SpreadResult(seed, rounds, finished, nodes, reached, updateMessages, totalMessages, bytes, curve);
    }
}
