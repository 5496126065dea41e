package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FalsePositiveTest {

    @ParameterizedTest(name = "loss {0}")
    @ValueSource(doubles = {0.0, 0.05})
    void aHealthyClusterWithLifeguardDeclaresNobodyDeadOverAThousandPeriods(double loss) {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(71)
                .withNetwork(SimConfig.defaults().network().withLossProbability(loss));
        RunResult run = new IdleScenario().run(config, ScenarioConfig.defaults().withPeriods(1_000));
        assertThat(run.value("false_positive_events")).isZero();
        assertThat(run.value("false_positive_pairs")).isZero();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("virtual_s")).isGreaterThanOrEqualTo(1_000);
    }
}
