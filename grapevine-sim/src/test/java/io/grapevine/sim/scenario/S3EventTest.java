package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class S3EventTest {

    @Test
    void aUserEventReachesEveryNodeOnceWithinTheRetransmitWindow() {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(21);
        RunResult run = new EventScenario().run(config, ScenarioConfig.defaults().withPeriods(20));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_received")).isEqualTo(63);
        assertThat(run.value("duplicate_deliveries")).isZero();
        assertThat(run.value("outcome_ms"))
                .isLessThanOrEqualTo(Bounds.millis(Bounds.disseminationNanos(config.core(), 64)));
    }
}
