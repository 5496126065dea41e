package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

/** The idle scenario under a write load: the writes cost traffic and no one is declared dead. */
class IdleWriteLoadTest {
    @Test
    void writesDuringTheWindowCostTrafficAndNoFalsePositive() {
        SimConfig config = SimConfig.defaults().withNodes(24).withSeed(3);
        RunResult quiet = new IdleScenario().run(config, ScenarioConfig.defaults().withPeriods(30));
        RunResult loaded = new IdleScenario().run(config, ScenarioConfig.defaults().withPeriods(30).withWritesPerSecond(20));
        assertThat(loaded.outcomeReached()).isTrue();
        assertThat(loaded.value("false_positive_pairs")).isZero();
        assertThat(loaded.value("writes_per_s")).isEqualTo(20);
        assertThat(loaded.value("bytes_per_node_s")).isGreaterThan(2 * quiet.value("bytes_per_node_s"));
        assertThat(loaded.value("heap_bytes_per_node")).isPositive();
    }
}
