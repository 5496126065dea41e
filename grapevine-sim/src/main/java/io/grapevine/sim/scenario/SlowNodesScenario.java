package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import java.util.BitSet;

/**
 * Slow nodes (the Lifeguard paper's experiment): on a converged cluster, a fraction
 * ({@link ScenarioConfig#slowFraction()}) of the nodes is starved of CPU: each handles every
 * packet and tick late by its own delay, drawn uniformly from
 * [{@link ScenarioConfig#slowDelayMinNanos()}, {@link ScenarioConfig#slowDelayMaxNanos()}].
 * Nothing fails, so every DEAD verdict is a false positive. There is no convergence time: the
 * outcome is reached when the whole window passes without one; the measurements split false
 * positives into those about healthy members and those about the slow ones.
 */
public final class SlowNodesScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "slow-nodes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a fraction of nodes processes messages late (CPU starvation) for --periods; counts false positives";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        BitSet slow = pickSlow(h);
        h.inject();
        for (int i = slow.nextSetBit(0); i >= 0; i = slow.nextSetBit(i + 1)) {
            long span = params.slowDelayMaxNanos() - params.slowDelayMinNanos();
            long delay = params.slowDelayMinNanos() + (span == 0 ? 0 : h.sim.scenarioRandom().nextLong(span + 1));
            h.sim.slowDown(i, delay);
        }
        h.sim.runUntil(h.windowEndNanos());
        BitSet accused = h.falsePositives.memberSet();
        BitSet accusedSlow = (BitSet) accused.clone();
        accusedSlow.and(slow);
        accused.andNot(slow);
        long first = h.falsePositives.firstAtNanos();
        return h.verdict(h.falsePositives.pairs() == 0, b -> b
                .add("slow_nodes", "", slow.cardinality())
                .add("healthy_members_declared_dead", "", accused.cardinality())
                .add("slow_members_declared_dead", "", accusedSlow.cardinality())
                .add("first_false_positive_ms", "ms", first < 0 ? Double.NaN : (first - h.injectedAtNanos()) / 1e6));
    }

    /** max(1, round(fraction · N)) distinct nodes when the fraction is positive, chosen at random. */
    private static BitSet pickSlow(Harness h) {
        double fraction = h.params.slowFraction();
        int count = fraction == 0 ? 0 : (int) Math.max(1, Math.round(fraction * h.size()));
        int[] order = new int[h.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        BitSet slow = new BitSet(h.size());
        for (int i = 0; i < count; i++) {
            int j = i + h.sim.scenarioRandom().nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            slow.set(order[i]);
        }
        return slow;
    }
}
