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
    @Disabled("core bug (main at 86f20a2): a refutation that misses one node is never repaired in time. Seed 62, "
            + "48 nodes, partition 6.37-9.37 s: node-43 suspects node-7 (inc 0) at 7.87 s; node-7 refutes (inc 1) at "
            + "9.48 s but that rumor never reaches node-43; at 13.61 s node-43 pings node-7 with the stale SUSPECT inc 0 "
            + "piggy-backed, node-7 acks yet ignores the stale suspicion (no ALIVE inc 1 back), and at 14.59 s node-43's "
            + "suspicion timer declares node-7 DEAD and spreads it; RECOVERED only at 41.65 s")
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
