package io.grapevine.sim;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.network.NetworkModel;

/**
 * Everything one simulation run needs, immutable and validated: the canonical constructor names
 * the offending field and value. Durations are virtual nanoseconds. {@link #defaults()} is 64
 * nodes, seed 1, the LAN core profile and the LAN network; {@code withX(..)} copiers change one
 * field.
 *
 * @param nodes cluster size, 2..1,000,000. Node {@code i} is named {@code node-i} and listens on
 *     {@code 10.a.b.c:7946}. Default 64.
 * @param seed the one seed every random choice of the run derives from (each node's
 *     {@code RandomSource}, the network, the scenario). Same seed, same trace. Default 1.
 * @param core the protocol configuration every node runs. Default {@link CoreConfig#defaults()}.
 * @param network latency, loss and duplication. Default {@link NetworkModel#defaults()}.
 * @param joinSpreadNanos nodes 1..N-1 start at uniformly random times in
 *     {@code [0, joinSpreadNanos]} after node 0 and join through it, so joins overlap without
 *     being simultaneous; at least 0. Default 1 s.
 * @param settleNanos after the warm-up cluster has converged, how long to let rumors die down
 *     before a fault is injected; at least 0. Default 5 s. Longer costs run time; shorter
 *     measures a fault on top of join traffic.
 * @param warmupLimitNanos give up waiting for the warm-up to converge after this long, in ns;
 *     positive. Default 300 s.
 * @param viewCheckIntervalNanos how often checks that must scan every node's view (identical
 *     membership after a partition) run, in ns; positive. Default 100 ms. The scan costs
 *     O(N²), so large clusters may want a longer interval.
 * @param leaveLingerNanos a leaving node keeps running until its leave has spread
 *     ({@code Node.leaveSpread()}) or for at most this long, in ns; positive. Default 10 s.
 */
public record SimConfig(
        int nodes,
        long seed,
        CoreConfig core,
        NetworkModel network,
        long joinSpreadNanos,
        long settleNanos,
        long warmupLimitNanos,
        long viewCheckIntervalNanos,
        long leaveLingerNanos) {

    /** Largest supported cluster. */
    public static final int MAX_NODES = 1_000_000;

    /** Validates every field; the message names the field and its value. */
    public SimConfig {
        if (nodes < 2 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be in 2.." + MAX_NODES + ": " + nodes);
        }
        if (core == null) {
            throw new IllegalArgumentException("core must not be null");
        }
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        nonNegative("joinSpreadNanos", joinSpreadNanos);
        nonNegative("settleNanos", settleNanos);
        positive("warmupLimitNanos", warmupLimitNanos);
        positive("viewCheckIntervalNanos", viewCheckIntervalNanos);
        positive("leaveLingerNanos", leaveLingerNanos);
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    /** 64 nodes, seed 1, LAN core and network profiles. */
    public static SimConfig defaults() {
        return new SimConfig(64, 1L, CoreConfig.defaults(), NetworkModel.defaults(),
                1_000_000_000L, 5_000_000_000L, 300_000_000_000L, 100_000_000L, 10_000_000_000L);
    }

    /** A copy with {@code nodes} set to {@code value}. */
    public SimConfig withNodes(int value) {
        return new SimConfig(value, seed, core, network, joinSpreadNanos, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code seed} set to {@code value}. */
    public SimConfig withSeed(long value) {
        return new SimConfig(nodes, value, core, network, joinSpreadNanos, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code core} set to {@code value}. */
    public SimConfig withCore(CoreConfig value) {
        return new SimConfig(nodes, seed, value, network, joinSpreadNanos, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code network} set to {@code value}. */
    public SimConfig withNetwork(NetworkModel value) {
        return new SimConfig(nodes, seed, core, value, joinSpreadNanos, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code joinSpreadNanos} set to {@code value}. */
    public SimConfig withJoinSpreadNanos(long value) {
        return new SimConfig(nodes, seed, core, network, value, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code settleNanos} set to {@code value}. */
    public SimConfig withSettleNanos(long value) {
        return new SimConfig(nodes, seed, core, network, joinSpreadNanos, value, warmupLimitNanos, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code warmupLimitNanos} set to {@code value}. */
    public SimConfig withWarmupLimitNanos(long value) {
        return new SimConfig(nodes, seed, core, network, joinSpreadNanos, settleNanos, value, viewCheckIntervalNanos, leaveLingerNanos);
    }

    /** A copy with {@code viewCheckIntervalNanos} set to {@code value}. */
    public SimConfig withViewCheckIntervalNanos(long value) {
        return new SimConfig(nodes, seed, core, network, joinSpreadNanos, settleNanos, warmupLimitNanos, value, leaveLingerNanos);
    }

    /** A copy with {@code leaveLingerNanos} set to {@code value}. */
    public SimConfig withLeaveLingerNanos(long value) {
        return new SimConfig(nodes, seed, core, network, joinSpreadNanos, settleNanos, warmupLimitNanos, viewCheckIntervalNanos, value);
    }
}
