package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.EventSpread;
import io.grapevine.sim.measure.RunResult;
import java.nio.charset.StandardCharsets;

/**
 * S3 dissemination: on a converged cluster, one random node fires a user event. Outcome: the
 * first time every other node has delivered it ({@code UserEventReceived}), from the firing.
 */
public final class EventScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "event";
    private static final String EVENT_NAME = "s3-deploy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S3: one node fires a user event; time until every node has received it";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int origin = h.pickNonSeed();
        EventSpread spread = new EventSpread(h.sim.name(origin), EVENT_NAME, h.upNodesExcept(origin));
        h.sim.addObserver(spread);
        h.inject();
        h.sim.fireEvent(origin, EVENT_NAME, "version=42".getBytes(StandardCharsets.UTF_8));
        h.sim.runUntil(h.windowEndNanos());
        return h.result(spread.reachedAtNanos(), b -> b
                .add("nodes_received", "", spread.count())
                .add("duplicate_deliveries", "", spread.duplicates()));
    }
}
