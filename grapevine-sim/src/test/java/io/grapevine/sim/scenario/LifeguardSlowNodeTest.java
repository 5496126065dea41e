package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class LifeguardSlowNodeTest {
    /*
     * Two of 48 nodes handle every message 1 to 10 s late: starvation long enough that plain
     * SWIM's fixed timeout gets healthy members declared dead on the word of the slow ones.
     */
    private static final ScenarioConfig SLOW = ScenarioConfig.defaults()
            .withSlowFraction(0.05).withSlowDelayMinNanos(1_000_000_000L).withSlowDelayMaxNanos(10_000_000_000L)
            .withPeriods(300);

    private static double healthyDeclaredDead(boolean lifeguard, long seed) {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(seed)
                .withCore(CoreConfig.defaults().withDetector(p -> p.withLifeguard(lifeguard)));
        RunResult run = new SlowNodesScenario().run(config, SLOW);
        assertThat(run.value("slow_nodes")).isEqualTo(2);
        return run.value("healthy_members_declared_dead");
    }

    @Test
    void starvedNodesGetHealthyMembersDeclaredDeadWithoutLifeguardAndNeverWithIt() {
        double off = healthyDeclaredDead(false, 1) + healthyDeclaredDead(false, 2);
        double on = healthyDeclaredDead(true, 1) + healthyDeclaredDead(true, 2);
        assertThat(off).as("plain SWIM: starved nodes get healthy members declared dead").isPositive();
        assertThat(on).as("Lifeguard (plain SWIM: %s)", off).isZero();
    }
}
