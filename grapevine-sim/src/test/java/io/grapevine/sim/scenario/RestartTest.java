package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestartTest {

    /** 2 s: the new life arrives before the old one is suspected; 60 s: after it was declared dead. */
    @ParameterizedTest(name = "downtime {0} ms")
    @ValueSource(longs = {2_000, 60_000})
    void aRestartedNodeIsAcceptedAsItsNewGenerationAndTheOldLifeStaysBuried(long downtimeMs) {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(51);
        RunResult run = new RestartScenario().run(config, ScenarioConfig.defaults()
                .withDowntimeNanos(downtimeMs * 1_000_000L).withPeriods((int) (downtimeMs / 1000) + 60));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_seeing_new_life")).isEqualTo(47);
        assertThat(run.value("resurrections")).isZero();
        assertThat(run.value("stale_views_at_end")).isZero();
        assertThat(run.value("false_positive_pairs")).isZero();
    }
}
