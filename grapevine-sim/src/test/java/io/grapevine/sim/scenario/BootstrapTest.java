package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void sixtyFourNodesStartingAtOnceReachAFullViewAndReportTheirViewChanges() {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(81);
        RunResult run = new BootstrapScenario().run(config, ScenarioConfig.defaults().withPeriods(30));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_at_full_view")).isEqualTo(64);
        // node 0, the seed, sees the cluster grow one join at a time
        assertThat(run.value("max_distinct_sizes")).isGreaterThan(1).isLessThanOrEqualTo(64);
        assertThat(run.value("mean_distinct_sizes")).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(run.value("max_distinct_sizes"));
        assertThat(run.value("false_positive_pairs")).isZero();
    }
}
