package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Disabled;
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
     * shorter than the shortest suspicion timeout. Fails against the core as merged: see the
     * reason below and the simulator report.
     */
    @Disabled("core bug: after a 3 s partition heals, a suspicion raised on the minority side is never re-disseminated "
            + "(its rumor was spent inside the partition) and the accused only hears of it from a direct probe by a "
            + "suspecting node (slowed up to 8x by Lifeguard's local health after the partition) or a push-pull, so the "
            + "suspicion times out ~22 s after the heal: seed 62, node-18 declared DEAD by node-12 at t=31.2 s "
            + "(heal at 9.5 s), then RECOVERED at inc 1; 83 false (observer, member) pairs")
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
