package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.ViewSizes;

/**
 * Bootstrap (the Rapid paper's experiment): all N nodes start at the same instant, each joining
 * through node 0. Outcome: the first time every node sees N live members. Also measures view
 * stability: how many distinct cluster sizes each node reported on the way (max and mean over
 * nodes; 1 would be a node that went straight to the full view).
 */
public final class BootstrapScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "bootstrap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "N nodes start at once through node 0; time to a full view and distinct cluster sizes each node saw";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        ViewSizes sizes = new ViewSizes(h.sim, h.size(), true);
        h.sim.addObserver(sizes);
        h.inject();
        h.startAll(0);
        h.sim.runUntil(h.windowEndNanos());
        return h.result(sizes.reachedAtNanos(), b -> b
                .add("nodes_at_full_view", "", sizes.atTarget())
                .add("max_distinct_sizes", "", sizes.maxDistinct())
                .add("mean_distinct_sizes", "", sizes.meanDistinct())
                .add("distinct_sizes_any_node", "", sizes.distinctAcrossNodes()));
    }
}
