package io.grapevine.sim.scenario;

import io.grapevine.core.membership.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.StatusWatch;
import java.util.BitSet;

/**
 * S2 failure: on a converged cluster, one random node (not the seed) crashes without leaving.
 * Outcome: the first time every survivor holds it as DEAD, from the crash.
 */
public final class FailureScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "failure";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S2: one node crashes without leave; time until every survivor sees it DEAD";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int victim = h.pickNonSeed();
        BitSet survivors = h.upNodesExcept(victim);
        h.inject();
        h.sim.crash(victim);
        StatusWatch dead = new StatusWatch(h.sim, victim, survivors, m -> m.status() == MemberStatus.DEAD);
        h.sim.addObserver(dead);
        h.sim.runUntil(h.windowEndNanos());
        return h.result(dead.reachedAtNanos(), b -> b
                .add("victim", "", victim)
                .add("survivors_seeing_dead", "", dead.count()));
    }
}
