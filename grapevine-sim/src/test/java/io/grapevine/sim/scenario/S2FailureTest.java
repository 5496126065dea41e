package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S2FailureTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aCrashedNodeIsDeclaredDeadByEverySurvivorWithinTheSwimBound(long seed) {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(seed);
        RunResult run = new FailureScenario().run(config, ScenarioConfig.defaults().withPeriods(80));
        CoreConfig core = config.core();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("survivors_seeing_dead")).isEqualTo(63);
        assertThat(run.value("outcome_ms"))
                // the pause-tolerance rule: declared dead within a few probe periods of the tolerance, at any N
                .isLessThanOrEqualTo(Bounds.millis(Bounds.silentDetectionBoundNanos(core)))
                // nobody may give up on it before the pause tolerance has run out
                .isGreaterThanOrEqualTo(Bounds.millis(core.detector().pauseToleranceNanos()));
        assertThat(run.value("false_positive_pairs")).isZero();
    }

    @ParameterizedTest(name = "N = {0}, seed {1}")
    @CsvSource({"8, 1", "8, 2", "8, 3", "8, 4", "8, 5", "8, 6", "8, 7", "8, 8", "64, 1", "64, 2", "64, 3"})
    void aSilentCrashIsProbedInTheNextSlotSoItIsDeadWithinOnePeriodOfTheTolerance(int nodes, long seed) {
        // clock-aligned probe slots: some member probes it in the period it crashed in (SWIM's
        // independent random orders left it unprobed for up to 3.5 s at N = 8 in one run of ten)
        SimConfig config = SimConfig.defaults().withNodes(nodes).withSeed(seed);
        RunResult run = new FailureScenario().run(config, ScenarioConfig.defaults().withPeriods(30));
        CoreConfig core = config.core();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("outcome_ms"))
                .isGreaterThanOrEqualTo(Bounds.millis(core.detector().pauseToleranceNanos()))
                .isLessThanOrEqualTo(Bounds.millis(core.detector().silenceDeadlineNanos()
                        + core.detector().probeIntervalNanos() + core.detector().probeTimeoutNanos() / 5));
        assertThat(run.value("false_positive_pairs")).isZero();
    }

    @Test
    void withoutLifeguardDetectionTakesAboutTheFixedSuspicionTimeout() {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(4)
                .withCore(CoreConfig.defaults().withDetector(p -> p.withLifeguard(false)));
        RunResult run = new FailureScenario().run(config, ScenarioConfig.defaults().withPeriods(60));
        CoreConfig core = config.core();
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("outcome_ms")).isLessThanOrEqualTo(Bounds.millis(Bounds.detectionBoundNanos(core, 64)));
    }

    @Test
    void aCrashIsDetectedAtFivePercentLossWithoutFalsePositives() {
        SimConfig config = SimConfig.defaults().withNodes(48).withSeed(5)
                .withNetwork(SimConfig.defaults().network().withLossProbability(0.05));
        RunResult run = new FailureScenario().run(config, ScenarioConfig.defaults().withPeriods(80));
        assertThat(run.outcomeReached()).isTrue();
        assertThat(run.value("outcome_ms")).isLessThanOrEqualTo(Bounds.millis(Bounds.detectionBoundNanos(config.core(), 48)));
        assertThat(run.value("false_positive_pairs")).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aKilledProcessWhosePortsRefuseIsDeadLongBeforeTheShortestSuspicionTimeout(long seed) {
        SimConfig config = SimConfig.defaults().withNodes(64).withSeed(seed);
        ScenarioConfig params = ScenarioConfig.defaults().withPeriods(40);
        RunResult killed = new FailureScenario(true).run(config, params);
        RunResult silent = new FailureScenario(false).run(config, params);
        CoreConfig core = config.core();
        assertThat(killed.outcomeReached()).isTrue();
        assertThat(killed.value("survivors_seeing_dead")).isEqualTo(63);
        assertThat(killed.value("outcome_ms"))
                .isLessThan(Bounds.millis(core.detector().probeTimeoutNanos() + Bounds.minSuspicionNanos(core, 64)))
                .isLessThan(silent.value("outcome_ms") / 2);
        assertThat(killed.value("false_positive_pairs")).isZero();
    }
}
