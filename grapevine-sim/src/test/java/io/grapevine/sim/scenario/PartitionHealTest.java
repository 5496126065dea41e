package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class PartitionHealTest {

    @Test
    void aOneThirdTwoThirdsPartitionHealsToIdenticalMembershipOnAllNodes() {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(61);
        RunResult run = new PartitionHealScenario().run(config,
                ScenarioConfig.defaults().withPartitionNanos(30_000_000_000L).withPeriods(120));
        assertThat(run.value("minority_nodes")).isEqualTo(16);
        assertThat(run.value("false_positive_members"))
                .as("each side declares the other dead while cut off").isPositive();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("views_identical_at_end")).isEqualTo(1);
    }

    @Test
    void aShortPartitionStillHealsToIdenticalViews() {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(62);
        RunResult run = new PartitionHealScenario().run(config,
                ScenarioConfig.defaults().withPartitionNanos(3_000_000_000L).withPeriods(90));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("views_identical_at_end")).isEqualTo(1);
    }

    /**
     * Invariant 4 (a live, reachable, healthy node is never declared dead) after a partition
     * shorter than the shortest suspicion timeout (once failed: a refutation that missed one
     * accuser; fixed by the accused repeating its refutation on the ack to a stale accusation).
     */
    @Test
    void aPartitionShorterThanTheSuspicionTimeoutHealsWithoutAnyDeath() {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(62);
        RunResult run = new PartitionHealScenario().run(config,
                ScenarioConfig.defaults().withPartitionNanos(3_000_000_000L).withPeriods(60));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("false_positive_pairs")).isZero();
        assertThat(run.value("views_identical_at_end")).isEqualTo(1);
    }
}
