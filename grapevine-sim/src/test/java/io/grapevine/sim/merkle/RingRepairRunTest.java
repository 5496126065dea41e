package io.grapevine.sim.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RingRepairRunTest {
    @Test
    void withoutLossTheRingRepairTakesExactlyItsBoundAndRandomPeersTakeLonger() {
        RingRepairResult result = RingRepairRun.run(8, 3, 2_000, 0.2, 0, 5, 1);
        assertThat(result.ringBound()).isEqualTo(3);
        assertThat(result.ring().max()).isEqualTo(3);
        assertThat(result.ringOneDown().max()).isLessThanOrEqualTo(3);
        assertThat(result.random().quantile(0.5)).isGreaterThan(3);
    }

    @Test
    void withLossBothStillConvergeAndTheSameSeedGivesTheSameJson() {
        RingRepairResult result = RingRepairRun.run(6, 3, 1_000, 0.2, 0.05, 3, 2);
        assertThat(result.ring().max()).isLessThan(100);
        assertThat(result.toJson()).isEqualTo(RingRepairRun.run(6, 3, 1_000, 0.2, 0.05, 3, 2).toJson());
        assertThat(result.toJson()).contains("\"ring\":{\"median_rounds\":", "\"bound_rounds\":3",
                "\"random\":{\"median_rounds\":");
    }
}
