package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    // with clock-aligned probe slots somebody probes the member in every period of its pause
    @ParameterizedTest(name = "N = {0}, seed {1}")
    @CsvSource({"8, 1", "8, 2", "8, 3", "32, 4", "32, 5", "32, 6", "64, 7", "64, 8", "64, 11"})
    void aPauseAsLongAsThePauseToleranceSurvivesAtAnyClusterSize(int nodes, long seed) {
        SimConfig config = SimConfig.defaults().withNodes(nodes).withSeed(seed);
        long pause = config.core().detector().pauseToleranceNanos();
        RunResult run = new PauseScenario().run(config, ScenarioConfig.defaults().withPauseNanos(pause).withPeriods(40));
        assertThat(run.value("suspicions")).as("the pause is long enough to be noticed").isPositive();
        assertThat(run.value("nodes_declaring_dead")).isZero();
        assertThat(run.value("false_positive_pairs")).isZero();
        assertThat(run.value("nodes_seeing_alive")).isEqualTo(nodes - 1);
    }

    @ParameterizedTest(name = "N = {0}")
    @CsvSource({"8", "64"})
    void aPauseWellBeyondTheToleranceIsDeclaredDeadWhateverTheClusterSize(int nodes) {
        SimConfig config = SimConfig.defaults().withNodes(nodes).withSeed(10);
        // three probe periods past the tolerance: the member's first unanswered probe came within them
        long pause = config.core().detector().silenceDeadlineNanos() + 4 * config.core().detector().probeIntervalNanos();
        RunResult run = new PauseScenario().run(config, ScenarioConfig.defaults().withPauseNanos(pause).withPeriods(60));
        assertThat(run.value("nodes_declaring_dead")).isPositive();
        assertThat(run.outcomeReached()).as("it refutes and is alive everywhere again").isTrue();
        assertThat(run.value("nodes_seeing_alive")).isEqualTo(nodes - 1);
    }
}
