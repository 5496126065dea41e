package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.ViewSizes;

/**
 * S1 join: node 0 starts, the other N-1 start at random times within the join spread and join
 * through node 0. Outcome: the first time every node sees N live members, from the first start.
 */
public final class JoinScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "join";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S1: N nodes join through node 0 (spread over the join window); time until every node sees N alive";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        ViewSizes sizes = new ViewSizes(h.sim, h.size(), false);
        h.sim.addObserver(sizes);
        h.inject();
        h.startAll(config.joinSpreadNanos());
        h.sim.runUntil(h.windowEndNanos());
        return h.result(sizes.reachedAtNanos(), b -> b.add("nodes_at_full_view", "", sizes.atTarget()));
    }
}
