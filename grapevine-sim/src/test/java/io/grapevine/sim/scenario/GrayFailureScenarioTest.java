package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Gray failure: a node losing 80% of what it sends gets no healthy member suspected in any
 * healthy view, because accusations need a credible accuser and a degraded node withholds its
 * own; with both rules off, the same run shows healthy members suspected.
 */
class GrayFailureScenarioTest {
    private static final ScenarioConfig PARAMS = ScenarioConfig.defaults().withPeriods(90);

    @Test
    void noHealthyMemberIsSuspectedInAHealthyView() {
        for (long seed = 1; seed <= 2; seed++) {
            RunResult result = new GrayFailureScenario().run(SimConfig.defaults().withNodes(16).withSeed(seed), PARAMS);
            assertThat(result.value("healthy_suspicions_shown")).as("seed %d", seed).isZero();
            assertThat(result.value("healthy_deaths_shown")).as("seed %d", seed).isZero();
            // the lossy node itself is suspected and refutes: it flaps (not yet damped)
            assertThat(result.value("lossy_changes_max")).as("seed %d", seed).isPositive();
        }
    }

    @Test
    void withoutTheRulesTheLossyNodesAccusationsReachHealthyViews() {
        double shown = 0;
        for (long seed = 1; seed <= 2; seed++) {
            SimConfig base = SimConfig.defaults().withNodes(16).withSeed(seed);
            SimConfig config = base.withCore(base.core().withMembership(m -> m.withAccuserProbationNanos(0))
                    .withDetector(d -> d.withDegradedWithholdsSuspicions(false)));
            shown += new GrayFailureScenario().run(config, PARAMS).value("healthy_suspicions_shown");
        }
        assertThat(shown).isPositive();
    }
}
