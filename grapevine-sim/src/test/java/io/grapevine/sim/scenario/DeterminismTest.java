package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.Measurement;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.network.NetworkModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    /** The only measurements that depend on the machine, not the seed. */
    /** Measurements of the machine running the simulation (wall time, the JVM's heap), not of the protocol. */
    private static final Set<String> WALL_CLOCK = Set.of("wall_ms", "node_periods_per_s", "window_wall_ms",
            "window_node_periods_per_s", "heap_bytes_per_node");
    private static final ScenarioConfig SHORT = ScenarioConfig.defaults().withPeriods(30);

    /** A lossy, duplicating network so that every random stream is exercised. */
    private static SimConfig config(long seed) {
        return SimConfig.defaults().withNodes(32).withSeed(seed)
                .withNetwork(NetworkModel.defaults().withLossProbability(0.05).withDuplicateProbability(0.02));
    }

    private static List<Measurement> withoutWallTime(RunResult run) {
        return run.measurements().stream()
                .filter(m -> !WALL_CLOCK.contains(m.name())).toList();
    }

    @Test
    void theSameSeedGivesAnIdenticalTraceHashAndIdenticalMeasurements() {
        for (Scenario scenario : Scenarios.all()) {
            RunResult first = scenario.run(config(7), SHORT);
            RunResult second = scenario.run(config(7), SHORT);
            assertThat(second.traceHash()).as(scenario.name()).isEqualTo(first.traceHash());
            assertThat(withoutWallTime(second)).as(scenario.name()).isEqualTo(withoutWallTime(first));
        }
    }

    @Test
    void aDifferentSeedGivesADifferentTraceHash() {
        for (Scenario scenario : Scenarios.all()) {
            assertThat(scenario.run(config(8), SHORT).traceHash()).as(scenario.name())
                    .isNotEqualTo(scenario.run(config(9), SHORT).traceHash());
        }
    }
}
