package io.grapevine.agent.example;

import io.grapevine.services.blocklog.BlockLogStats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One mode's measured figures: time to all nodes per block (median, p90, max by nearest rank;
 * a block that never reached every node counts as infinitely slow, so a percentile that lands on
 * one prints "-"), how many blocks reached all, the mean and least reach (fraction of nodes
 * holding a block at the end), and the cost per node per block
 * in service messages (push and pull separately) and payload bytes, over the measured window.
 */
record SpreadFigures(SpreadMode mode, long[] timesToAllNanos, double meanReach, double leastReach, double pushPerNodeBlock,
                     double pullPerNodeBlock, double bytesPerNodeBlock) {

    /** The figures of {@code spread}, with cost from the nodes' stats before and after the window. */
    static SpreadFigures of(SpreadMode mode, BlockSpread spread, List<BlockLogStats> before, List<BlockLogStats> after,
                            int blocks) {
        long push = 0;
        long pull = 0;
        long bytes = 0;
        for (int i = 0; i < before.size(); i++) {
            BlockLogStats b = before.get(i);
            BlockLogStats a = after.get(i);
            push += a.pushesSent() - b.pushesSent();
            pull += (a.messagesSent() - a.pushesSent()) - (b.messagesSent() - b.pushesSent());
            bytes += a.bytesSent() - b.bytesSent();
        }
        double per = (double) before.size() * blocks;
        return new SpreadFigures(mode, spread.timesToAll(), spread.meanReach(), spread.leastReach(), push / per, pull / per, bytes / per);
    }

    /** Blocks that reached every node. */
    int completeBlocks() {
        return (int) Arrays.stream(timesToAllNanos).filter(t -> t >= 0).count();
    }

    /** The nearest-rank {@code p}-th percentile in ms, or "-" when it falls on a block that never reached all. */
    String percentileMs(double p) {
        long[] sorted = Arrays.stream(timesToAllNanos).map(t -> t < 0 ? Long.MAX_VALUE : t).sorted().toArray();
        int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.length));
        long value = sorted[rank - 1];
        return value == Long.MAX_VALUE ? "-" : String.format(Locale.ROOT, "%.0f", value / 1e6);
    }

    /** Header of {@link #row()}. */
    static String header() {
        return String.format(Locale.ROOT, "%-5s %10s %9s %9s %9s %10s %10s %11s %11s %11s", "mode", "all-nodes",
                "median-ms", "p90-ms", "max-ms", "mean-reach", "min-reach", "push/nd/blk", "pull/nd/blk", "bytes/nd/blk");
    }

    /** One line of the table. */
    String row() {
        return String.format(Locale.ROOT, "%-5s %10s %9s %9s %9s %9.1f%% %9.1f%% %11.2f %11.2f %11.0f",
                mode.name().toLowerCase(Locale.ROOT), completeBlocks() + "/" + timesToAllNanos.length, percentileMs(50),
                percentileMs(90), percentileMs(100), 100 * meanReach, 100 * leastReach, pushPerNodeBlock, pullPerNodeBlock,
                bytesPerNodeBlock);
    }
}
