package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S4LeaveTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32})
    void aGracefulLeaveIsSeenAsLeftNotDeadByEveryone(long seed) {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(seed);
        RunResult run = new LeaveScenario().run(config, ScenarioConfig.defaults().withPeriods(60));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_seeing_left")).isEqualTo(63);
        assertThat(run.value("nodes_declaring_dead")).isZero();
        assertThat(run.value("outcome_ms"))
                .isLessThanOrEqualTo(Bounds.millis(Bounds.disseminationNanos(config.core(), 64)));
        assertThat(run.value("false_positive_pairs")).isZero();
    }
}
