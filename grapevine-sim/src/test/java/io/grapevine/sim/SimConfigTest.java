package io.grapevine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimConfigTest {

    @Test
    void defaultsAreValid() {
        SimConfig config = SimConfig.defaults();
        assertThat(config.nodes()).isEqualTo(64);
        assertThat(config.withNodes(5).withSeed(9).nodes()).isEqualTo(5);
    }

    @Test
    void tooFewNodesIsRejectedNamingTheField() {
        assertThatThrownBy(() -> SimConfig.defaults().withNodes(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nodes must be in 2..1000000: 1");
    }

    @Test
    void tooManyNodesIsRejectedNamingTheField() {
        assertThatThrownBy(() -> SimConfig.defaults().withNodes(1_000_001))
                .hasMessageStartingWith("nodes must be in 2..1000000");
    }

    @Test
    void missingCoreOrNetworkIsRejectedNamingTheField() {
        assertThatThrownBy(() -> SimConfig.defaults().withCore(null)).hasMessage("core must not be null");
        assertThatThrownBy(() -> SimConfig.defaults().withNetwork(null)).hasMessage("network must not be null");
    }

    @Test
    void badDurationsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> SimConfig.defaults().withJoinSpreadNanos(-1))
                .hasMessage("joinSpreadNanos must be >= 0: -1");
        assertThatThrownBy(() -> SimConfig.defaults().withSettleNanos(-5))
                .hasMessage("settleNanos must be >= 0: -5");
        assertThatThrownBy(() -> SimConfig.defaults().withWarmupLimitNanos(0))
                .hasMessage("warmupLimitNanos must be > 0: 0");
        assertThatThrownBy(() -> SimConfig.defaults().withViewCheckIntervalNanos(0))
                .hasMessage("viewCheckIntervalNanos must be > 0: 0");
        assertThatThrownBy(() -> SimConfig.defaults().withLeaveLingerNanos(-2))
                .hasMessage("leaveLingerNanos must be > 0: -2");
    }
}
