package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;

/**
 * A named, parameterised experiment on a simulated cluster. A run is a pure function of its
 * arguments: same configuration (seed included), same result, same trace hash (wall time
 * aside). Implementations are stateless and may be shared.
 */
public interface Scenario {
    /** The name used on the command line, e.g. {@code failure}. */
    String name();

    /** One line: what the scenario does and what its outcome is. */
    String description();

    /** Runs the scenario once. */
    RunResult run(SimConfig config, ScenarioConfig params);
}
