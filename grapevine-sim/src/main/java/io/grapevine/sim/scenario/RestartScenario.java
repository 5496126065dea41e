package io.grapevine.sim.scenario;

import io.grapevine.core.membership.Member;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.Resurrections;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.StatusWatch;
import java.util.Optional;

/**
 * Restart: on a converged cluster, one random node crashes and, after
 * {@link ScenarioConfig#downtimeNanos()}, starts again as a new life (same name and address,
 * generation + 1) joining through node 0. Outcome: the first time every other node holds it
 * ALIVE with the new generation, from the crash. Also counts resurrections (an old life shown
 * live after the new one was known) and, at the end, nodes still holding an old generation.
 */
public final class RestartScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "restart";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one node crashes and restarts (new generation) after --downtime-ms; time until all see the new life ALIVE";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int victim = h.pickNonSeed();
        h.inject();
        h.sim.crash(victim);
        h.sim.runFor(params.downtimeNanos());
        h.sim.restart(victim, 0);
        long generation = h.sim.generation(victim);
        StatusWatch alive = new StatusWatch(h.sim, victim, h.upNodesExcept(victim),
                m -> m.status() == MemberStatus.ALIVE && m.id().generation() == generation);
        Resurrections zombies = new Resurrections(h.sim, victim, generation);
        h.sim.addObserver(alive);
        h.sim.addObserver(zombies);
        h.sim.runUntil(Math.max(h.windowEndNanos(), h.sim.nowNanos()));
        int stale = 0;
        for (int i = 0; i < h.size(); i++) {
            if (i != victim && h.sim.isUp(i)) {
                Optional<Member> seen = h.sim.node(i).member(h.sim.name(victim));
                if (seen.isEmpty() || seen.get().id().generation() != generation) {
                    stale++;
                }
            }
        }
        int staleViews = stale;
        return h.result(alive.reachedAtNanos(), b -> b
                .add("downtime_ms", "ms", params.downtimeNanos() / 1e6)
                .add("nodes_seeing_new_life", "", alive.count())
                .add("resurrections", "", zombies.count())
                .add("stale_views_at_end", "", staleViews));
    }
}
