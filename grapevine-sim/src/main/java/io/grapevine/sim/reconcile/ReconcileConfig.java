package io.grapevine.sim.reconcile;

import io.grapevine.core.base.KeyPriority;

/**
 * One reconciliation experiment, validated at construction (the message names the field).
 *
 * @param workload what the nodes write. Default load.
 * @param nodes cluster size, 2..1,000. Default 64.
 * @param keys load only: keys each node writes in round 0, 1..10,000. Default 1,000.
 * @param keyClass load only: the class of those keys. Default CONTROL.
 * @param valueBytes size of every value written, 0..1,024 bytes. Default 32.
 * @param budgetBytes byte budget of every delta (the core's estimate of entry and part sizes),
 *                    at least 64. Default 1,336: the 1,400-byte MTU less 64 bytes for the packet
 *                    header, frame header and checksum. A SYN's digest and an ACK's digest are
 *                    not cut by it (the core does not cut them either).
 * @param maxRounds rounds after which a run stops unconverged, at least 1. Default 20,000.
 * @param heavyWriters starvation only: how many nodes (0..heavyWriters-1) write heavily,
 *                     1..nodes-1; node {@code heavyWriters} is the quiet node. Default 1.
 * @param heavyWritesPerRound starvation only: writes by each heavy writer per round. Default 200.
 * @param heavyKeys starvation only: how many distinct keys each heavy writer cycles over, at least
 *                  {@code heavyWritesPerRound}, at most 10,000. Default 2,000.
 * @param heavyClass starvation only: class of the heavy writers' keys. Default BULK.
 * @param quietRound starvation only: the round whose start the quiet node writes its key in, at least 1.
 *                   Default 10, so the heavy writer's backlog is there first.
 */
public record ReconcileConfig(ReconcileWorkload workload, int nodes, int keys, KeyPriority keyClass, int valueBytes,
                              int budgetBytes, int maxRounds, int heavyWriters, int heavyWritesPerRound, int heavyKeys,
                              KeyPriority heavyClass, int quietRound) {
    /** Validates every field. */
    public ReconcileConfig {
        if (workload == null || keyClass == null || heavyClass == null) {
            throw new IllegalArgumentException("workload, keyClass and heavyClass must not be null");
        }
        if (nodes < 2 || nodes > 1_000) {
            throw new IllegalArgumentException("nodes must be in 2..1,000: " + nodes);
        }
        if (keys < 1 || keys > 10_000) {
            throw new IllegalArgumentException("keys must be in 1..10,000: " + keys);
        }
        if (valueBytes < 0 || valueBytes > 1_024) {
            throw new IllegalArgumentException("valueBytes must be in 0..1,024: " + valueBytes);
        }
        if (budgetBytes < 64) {
            throw new IllegalArgumentException("budgetBytes must be >= 64: " + budgetBytes);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1: " + maxRounds);
        }
        if (heavyWriters < 1 || heavyWriters > nodes - 1) {
            throw new IllegalArgumentException("heavyWriters must be in 1..nodes-1: " + heavyWriters);
        }
        if (heavyWritesPerRound < 0) {
            throw new IllegalArgumentException("heavyWritesPerRound must be >= 0: " + heavyWritesPerRound);
        }
        if (heavyKeys < Math.max(1, heavyWritesPerRound) || heavyKeys > 10_000) {
            throw new IllegalArgumentException("heavyKeys must be in max(1, heavyWritesPerRound)..10,000: " + heavyKeys);
        }
        if (quietRound < 1) {
            throw new IllegalArgumentException("quietRound must be >= 1: " + quietRound);
        }
    }

    /** The defaults listed above. */
    public static ReconcileConfig defaults() {
        return new ReconcileConfig(ReconcileWorkload.LOAD, 64, 1_000, KeyPriority.CONTROL, 32, 1_336, 20_000, 1, 200, 2_000,
                KeyPriority.BULK, 10);
    }

    /** A copy with {@code workload} changed. */
    public ReconcileConfig withWorkload(ReconcileWorkload value) {
        return new ReconcileConfig(value, nodes, keys, keyClass, valueBytes, budgetBytes, maxRounds,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, quietRound);
    }

    /** A copy with {@code nodes} changed. */
    public ReconcileConfig withNodes(int value) {
        return new ReconcileConfig(workload, value, keys, keyClass, valueBytes, budgetBytes, maxRounds,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, quietRound);
    }

    /** A copy with {@code keys} changed. */
    public ReconcileConfig withKeys(int value) {
        return new ReconcileConfig(workload, nodes, value, keyClass, valueBytes, budgetBytes, maxRounds,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, quietRound);
    }

    /** A copy with {@code budgetBytes} changed. */
    public ReconcileConfig withBudgetBytes(int value) {
        return new ReconcileConfig(workload, nodes, keys, keyClass, valueBytes, value, maxRounds,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, quietRound);
    }

    /** A copy with {@code maxRounds} changed. */
    public ReconcileConfig withMaxRounds(int value) {
        return new ReconcileConfig(workload, nodes, keys, keyClass, valueBytes, budgetBytes, value,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, quietRound);
    }

    /** A copy with the heavy writers' load changed. */
    public ReconcileConfig withHeavy(int writers, int writesPerRound, int distinctKeys, KeyPriority priority) {
        return new ReconcileConfig(workload, nodes, keys, keyClass, valueBytes, budgetBytes, maxRounds,
                writers, writesPerRound, distinctKeys, priority, quietRound);
    }

    /** A copy with {@code quietRound} changed. */
    public ReconcileConfig withQuietRound(int value) {
        return new ReconcileConfig(workload, nodes, keys, keyClass, valueBytes, budgetBytes, maxRounds,
                heavyWriters, heavyWritesPerRound, heavyKeys, heavyClass, value);
    }
}
