package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;

/**
 * S5 idle cost: a converged cluster in which nothing happens (apart from the network's loss,
 * duplication and jitter) for the whole window. Measures the steady-state traffic per node, and
 * every DEAD verdict is a false positive. The outcome is reached when the window passes without
 * one.
 */
public final class IdleScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "idle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S5: a converged cluster idles for --periods; traffic per node and false positives";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        boolean converged = h.warmUp();
        h.inject();
        h.sim.runUntil(h.windowEndNanos());
        return h.verdict(converged && h.falsePositives.pairs() == 0,
                b -> b.add("false_positive_events", "", h.falsePositives.events()));
    }
}
