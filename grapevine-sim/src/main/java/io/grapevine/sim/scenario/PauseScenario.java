package io.grapevine.sim.scenario;

import io.grapevine.core.membership.Change;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.StatusWatch;

/**
 * Pause: on a converged cluster, one random node stalls (a GC-like pause) for
 * {@link ScenarioConfig#pauseNanos()}, losing every datagram sent to it meanwhile, then resumes
 * with its old state. Outcome: the first time after it resumes that every other node holds it
 * as ALIVE (any suspicion refuted), from the start of the pause. A pause shorter than the
 * suspicion timeout must never get it declared dead (counted as a false positive).
 */
public final class PauseScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "pause";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one node pauses (GC-like) for --pause-ms; it must refute suspicion; time until all see it ALIVE again";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int victim = h.pickNonSeed();
        MemberEvents suspected = new MemberEvents(h.sim.name(victim), Change.SUSPECTED);
        MemberEvents failed = new MemberEvents(h.sim.name(victim), Change.FAILED);
        h.sim.addObserver(suspected);
        h.sim.addObserver(failed);
        h.inject();
        h.sim.pause(victim, params.pauseNanos());
        h.sim.runUntil(h.injectedAtNanos() + params.pauseNanos());
        long generation = h.sim.generation(victim);
        StatusWatch alive = new StatusWatch(h.sim, victim, h.upNodesExcept(victim),
                m -> m.status() == MemberStatus.ALIVE && m.id().generation() == generation);
        h.sim.addObserver(alive);
        h.sim.runUntil(Math.max(h.windowEndNanos(), h.sim.nowNanos()));
        return h.result(alive.reachedAtNanos(), b -> b
                .add("pause_ms", "ms", params.pauseNanos() / 1e6)
                .add("suspicions", "", suspected.events())
                .add("nodes_declaring_dead", "", failed.observers())
                .add("nodes_seeing_alive", "", alive.count()));
    }
}
