package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class S1JoinTest {

    @Test
    void sixtyFourNodesJoiningThroughOneSeedAllSeeSixtyFourAliveWithinTheBound() {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(11);
        RunResult run = new JoinScenario().run(config, ScenarioConfig.defaults().withPeriods(30));
        // Joins are spread over 1 s; after the last join, a few gossip rounds carry the news.
        double boundMs = Bounds.millis(config.joinSpreadNanos() + Bounds.disseminationNanos(config.core(), 64)
                + 2 * config.core().detector().probeIntervalNanos());
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_at_full_view")).isEqualTo(64);
        assertThat(run.value("outcome_ms")).isLessThanOrEqualTo(boundMs);
        assertThat(run.value("false_positive_pairs")).isZero();
    }

    @Test
    void joiningWithFivePercentLossStillConverges() {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(12)
                .withNetwork(SimConfig.defaults().network().withLossProbability(0.05));
        RunResult run = new JoinScenario().run(config, ScenarioConfig.defaults().withPeriods(60));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("false_positive_pairs")).isZero();
    }
}
