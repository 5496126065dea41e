package io.grapevine.sim.scenario;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.StatusWatch;
import java.util.BitSet;

/**
 * S2 failure: on a converged cluster, one random node (not the seed) crashes without leaving.
 * Outcome: the first time every survivor holds it as DEAD, from the crash. As {@code failure}
 * the crash is silent (a dead host); as {@code kill} the process is killed on a live host, whose
 * refused stream connections the failure detector takes as evidence.
 */
public final class FailureScenario implements Scenario {
    /** The command-line name of the silent crash. */
    public static final String NAME = "failure";
    /** The command-line name of the killed process. */
    public static final String KILL_NAME = "kill";

    private final boolean kill;

    /** The silent crash ({@value #NAME}). */
    public FailureScenario() {
        this(false);
    }

    /** The silent crash, or with {@code kill} the killed process ({@value #KILL_NAME}). */
    public FailureScenario(boolean kill) {
        this.kill = kill;
    }

    @Override
    public String name() {
        return kill ? KILL_NAME : NAME;
    }

    @Override
    public String description() {
        return kill ? "S2: one node's process is killed (its host refuses connections); time until every survivor sees it DEAD"
                : "S2: one node crashes without leave (silent, as a dead host); time until every survivor sees it DEAD";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(name(), config, params);
        h.warmUp();
        int victim = h.pickNonSeed();
        BitSet survivors = h.upNodesExcept(victim);
        h.inject();
        if (kill) {
            h.sim.kill(victim);
        } else {
            h.sim.crash(victim);
        }
        StatusWatch dead = new StatusWatch(h.sim, victim, survivors, m -> m.status() == MemberStatus.DEAD);
        h.sim.addObserver(dead);
        h.sim.runUntil(h.windowEndNanos());
        return h.result(dead.reachedAtNanos(), b -> b
                .add("victim", "", victim)
                .add("survivors_seeing_dead", "", dead.count()));
    }
}
