package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.ViewAgreement;

/**
 * Partition and heal: on a converged cluster, the first third of the nodes (node 0 among them)
 * is cut off symmetrically from the other two thirds for {@link ScenarioConfig#partitionNanos()};
 * then the network heals. Outcome: the first check (every {@link SimConfig#viewCheckIntervalNanos()})
 * at which every node holds an identical membership view, from the heal. Verdicts reached across
 * the partition count as false positives: the nodes were running, only unreachable.
 */
public final class PartitionHealScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "partition-heal";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "1/3 vs 2/3 partition for --partition-ms, then heal; time until all views are identical";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int[] sides = new int[h.size()];
        int minority = Math.max(1, h.size() / 3);
        for (int i = 0; i < minority; i++) {
            sides[i] = 1;
        }
        h.sim.network().partition(sides);
        h.sim.runFor(params.partitionNanos());
        h.sim.network().heal();
        h.inject();
        ViewAgreement agreement = new ViewAgreement(h.sim);
        long agreedAt = -1;
        long step = config.viewCheckIntervalNanos();
        while (h.sim.nowNanos() < h.windowEndNanos()) {
            h.sim.runUntil(Math.min(h.windowEndNanos(), h.sim.nowNanos() + step));
            if (agreement.holds()) {
                agreedAt = h.sim.nowNanos();
                break;
            }
        }
        h.sim.runUntil(h.windowEndNanos());
        boolean agreeAtEnd = agreement.holds();
        return h.result(agreedAt, b -> b
                .add("partition_ms", "ms", params.partitionNanos() / 1e6)
                .add("minority_nodes", "", minority)
                .add("views_identical_at_end", "", agreeAtEnd ? 1 : 0));
    }
}
