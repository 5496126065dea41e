package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioConfigTest {

    @Test
    void badValuesAreRejectedNamingTheField() {
        ScenarioConfig d = ScenarioConfig.defaults();
        assertThatThrownBy(() -> d.withPeriods(0)).hasMessage("periods must be in 1..1000000: 0");
        assertThatThrownBy(() -> d.withPauseNanos(0)).hasMessage("pauseNanos must be > 0: 0");
        assertThatThrownBy(() -> d.withPartitionNanos(-1)).hasMessage("partitionNanos must be > 0: -1");
        assertThatThrownBy(() -> d.withDowntimeNanos(-1)).hasMessage("downtimeNanos must be >= 0: -1");
        assertThatThrownBy(() -> d.withSlowFraction(1.2)).hasMessage("slowFraction must be in [0, 1]: 1.2");
        assertThatThrownBy(() -> d.withSlowDelayMinNanos(0)).hasMessage("slowDelayMinNanos must be > 0: 0");
        assertThatThrownBy(() -> d.withSlowDelayMaxNanos(1))
                .hasMessage("slowDelayMaxNanos (1) must be >= slowDelayMinNanos (500000000)");
    }

    @Test
    void theCatalogueFindsEveryScenarioByName() {
        assertThat(Scenarios.names()).containsExactly("join", "failure", "kill", "event", "write", "leave", "pause",
                "partition-heal", "slow-nodes", "gray", "bootstrap", "restart", "idle");
        for (String name : Scenarios.names()) {
            assertThat(Scenarios.byName(name)).get().extracting(Scenario::name).isEqualTo(name);
        }
        assertThat(Scenarios.byName("nope")).isEmpty();
    }
}
