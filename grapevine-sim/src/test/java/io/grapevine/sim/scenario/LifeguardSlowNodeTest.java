package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class LifeguardSlowNodeTest {
    private static final ScenarioConfig SLOW = ScenarioConfig.defaults()
            .withSlowFraction(0.05).withPeriods(300);

    private static double falseVerdicts(boolean lifeguard, long seed) {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(seed)
                .withCore(CoreConfig.defaults().withDetector(p -> p.withLifeguard(lifeguard)));
        RunResult run = new SlowNodesScenario().run(config, SLOW);
        assertThat(run.value("slow_nodes")).isEqualTo(2);
        return run.value("false_positive_pairs");
    }

    @Test
    void slowNodesCauseFalsePositivesWithoutLifeguardAndFewerWithIt() {
        double off = falseVerdicts(false, 1) + falseVerdicts(false, 2);
        double on = falseVerdicts(true, 1) + falseVerdicts(true, 2);
        assertThat(off).as("plain SWIM: starved nodes accuse healthy ones").isPositive();
        assertThat(on).as("Lifeguard (false verdicts off=%s)", off).isLessThan(off);
    }
}
