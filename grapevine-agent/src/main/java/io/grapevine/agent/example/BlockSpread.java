package io.grapevine.agent.example;

import io.grapevine.services.blocklog.Block;
import io.grapevine.services.blocklog.BlockListener;
import java.util.Arrays;

/**
 * Follows blocks {@code 1..blocks} of one log across {@code nodes} nodes: when each was produced,
 * how many nodes hold it, and when the last one appended it. Told by a {@link BlockListener};
 * synchronized, because on loopback every node's event loop tells it. Times are nanoseconds on
 * the caller's clock (virtual in the simulator).
 */
final class BlockSpread implements BlockListener {
    private final int nodes;
    private final long[] producedAt;
    private final long[] allAt;
    private final int[] holders;

    BlockSpread(int nodes, int blocks) {
        this.nodes = nodes;
        this.producedAt = new long[blocks + 1];
        this.allAt = new long[blocks + 1];
        this.holders = new int[blocks + 1];
        Arrays.fill(allAt, -1);
    }

    /** Block {@code number} was produced at {@code atNanos}. */
    synchronized void produced(long number, long atNanos) {
        producedAt[(int) number] = atNanos;
    }

    @Override
    public synchronized void appended(String node, Block block, long nowNanos) {
        long number = block.number();
        if (number < 1 || number >= holders.length) {
            return;
        }
        int i = (int) number;
        holders[i]++;
        if (holders[i] == nodes) {
            allAt[i] = nowNanos;
        }
    }

    /** True when every block has reached every node. */
    synchronized boolean complete() {
        for (int i = 1; i < allAt.length; i++) {
            if (allAt[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Time from production to the last node, per block, in ns; -1 for a block that has not reached all. */
    synchronized long[] timesToAll() {
        long[] times = new long[allAt.length - 1];
        for (int i = 1; i < allAt.length; i++) {
            times[i - 1] = allAt[i] < 0 ? -1 : allAt[i] - producedAt[i];
        }
        return times;
    }

    /** The mean over blocks of the fraction of nodes each has reached. */
    synchronized double meanReach() {
        long sum = 0;
        for (int i = 1; i < holders.length; i++) {
            sum += holders[i];
        }
        return sum / (double) nodes / (holders.length - 1);
    }

    /** The smallest fraction of nodes any block has reached. */
    synchronized double leastReach() {
        int least = nodes;
        for (int i = 1; i < holders.length; i++) {
            least = Math.min(least, holders[i]);
        }
        return least / (double) nodes;
    }
}
