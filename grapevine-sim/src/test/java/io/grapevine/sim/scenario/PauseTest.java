package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;

class PauseTest {

    @Test
    void aNodePausedForLessThanItsSuspicionTimeoutRefutesAndIsNeverDeclaredDead() {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(41);
        // four fifths of the shortest suspicion timeout: long enough to be probed and suspected
        long pause = Bounds.minSuspicionNanos(config.core(), 48) * 4 / 5;
        RunResult run = new PauseScenario().run(config,
                ScenarioConfig.defaults().withPauseNanos(pause).withPeriods(60));
        assertThat(run.value("suspicions")).as("the pause is long enough to be noticed").isPositive();
        assertThat(run.value("nodes_declaring_dead")).isZero();
        assertThat(run.value("false_positive_pairs")).isZero();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_seeing_alive")).isEqualTo(47);
    }

    @Test
    void aNodePausedForLongerThanTheLongestSuspicionTimeoutComesBackAliveEverywhere() {
        SimConfig config = SimConfig.defaults().withNodes(32).withSeed(42);
        long pause = Bounds.maxSuspicionNanos(config.core(), 32) + 10_000_000_000L;
        RunResult run = new PauseScenario().run(config,
                ScenarioConfig.defaults().withPauseNanos(pause).withPeriods((int) (pause / 1_000_000_000L) + 90));
        // Declared dead while stalled is what a failure detector must do; it then refutes.
        assertThat(run.value("nodes_declaring_dead")).isPositive();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("nodes_seeing_alive")).isEqualTo(31);
    }
}
