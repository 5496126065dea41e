package io.grapevine.sim.scenario;

import io.grapevine.core.membership.Change;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.StatusWatch;

/**
 * S4 leave: on a converged cluster, one random node leaves gracefully (it keeps running until
 * its leave has spread, then stops). Outcome: the first time every other node holds it as LEFT,
 * from the leave. Also counts the nodes that ever declared it DEAD instead (should be 0).
 */
public final class LeaveScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "leave";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S4: one node leaves gracefully; time until every node sees it LEFT (not DEAD)";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int leaver = h.pickNonSeed();
        StatusWatch left = new StatusWatch(h.sim, leaver, h.upNodesExcept(leaver),
                m -> m.status() == MemberStatus.LEFT);
        MemberEvents failed = new MemberEvents(h.sim.name(leaver), Change.FAILED);
        h.sim.addObserver(left);
        h.sim.addObserver(failed);
        h.inject();
        h.sim.leave(leaver);
        h.sim.runUntil(h.windowEndNanos());
        return h.result(left.reachedAtNanos(), b -> b
                .add("nodes_seeing_left", "", left.count())
                .add("nodes_declaring_dead", "", failed.observers()));
    }
}
