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
            // out, taken back once (a first refutation is taken at once), out again and out for good: its
            // later refutations need a proof of life it cannot give (about 100 changes without the rule)
            assertThat(result.value("lossy_changes_mean")).as("seed %d", seed).isBetween(1.0, 5.0);
            assertThat(result.value("lossy_changes_max")).as("seed %d", seed).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void withFirstRefutationsProvenTheLossyNodeGoesOutOnceAndStaysOut() {
        for (long seed = 1; seed <= 2; seed++) {
            SimConfig base = SimConfig.defaults().withNodes(16).withSeed(seed);
            SimConfig config = base.withCore(base.core().withDetector(d -> d.withProofOfLifeFirstAcks(4)));
            RunResult result = new GrayFailureScenario().run(config, PARAMS);
            // suspect, then dead: its first refutation needs four answers in a row it cannot give
            assertThat(result.value("lossy_changes_max")).as("seed %d", seed).isEqualTo(2);
            assertThat(result.value("observers_holding_lossy_dead")).as("seed %d", seed).isEqualTo(15);
            assertThat(result.value("healthy_suspicions_shown")).as("seed %d", seed).isZero();
        }
    }

    @Test
    void aLossyNodeThatHealsIsTakenBackByEveryone() {
        SimConfig config = SimConfig.defaults().withNodes(8).withSeed(3);
        io.grapevine.sim.Simulation sim = new io.grapevine.sim.Simulation(config);
        sim.startConverged();
        sim.runFor(config.settleNanos());
        sim.degradeEgress(5, GrayFailureScenario.EGRESS_LOSS);
        sim.runFor(60_000_000_000L);
        String lossy = sim.name(5);
        assertThat(sim.node(0).member(lossy).orElseThrow().status()).isNotEqualTo(io.grapevine.core.base.MemberStatus.ALIVE);
        sim.degradeEgress(5, 0);
        // a proof needs five answers in a row; a member cooling down after a failed proof waits up to 30 s
        boolean back = sim.runUntil(() -> java.util.stream.IntStream.range(0, 8).filter(i -> i != 5)
                .allMatch(i -> sim.node(i).member(lossy).orElseThrow().status() == io.grapevine.core.base.MemberStatus.ALIVE),
                sim.nowNanos() + 90_000_000_000L);
        assertThat(back).isTrue();
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
