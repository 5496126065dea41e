package io.grapevine.sim.network;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkModelTest {

    @Test
    void lossOutsideTheUnitIntervalIsRejectedNamingTheField() {
        assertThatThrownBy(() -> NetworkModel.defaults().withLossProbability(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lossProbability must be in [0, 1]: 1.5");
        assertThatThrownBy(() -> NetworkModel.defaults().withLossProbability(-0.1))
                .hasMessage("lossProbability must be in [0, 1]: -0.1");
        assertThatThrownBy(() -> NetworkModel.defaults().withLossProbability(Double.NaN))
                .hasMessage("lossProbability must be in [0, 1]: NaN");
    }

    @Test
    void certainDuplicationIsRejectedNamingTheField() {
        assertThatThrownBy(() -> NetworkModel.defaults().withDuplicateProbability(1.0))
                .hasMessage("duplicateProbability must be in [0, 1): 1.0");
    }

    @Test
    void negativeLatenciesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> NetworkModel.defaults().withBaseLatencyNanos(-1))
                .hasMessage("baseLatencyNanos must be >= 0: -1");
        assertThatThrownBy(() -> NetworkModel.defaults().withJitterNanos(-1))
                .hasMessage("jitterNanos must be >= 0: -1");
        assertThatThrownBy(() -> NetworkModel.defaults().withStreamExtraLatencyNanos(-3))
                .hasMessage("streamExtraLatencyNanos must be >= 0: -3");
    }

    @Test
    void missingJitterShapeIsRejectedNamingTheField() {
        assertThatThrownBy(() -> NetworkModel.defaults().withJitter(null)).hasMessage("jitter must not be null");
    }
}
