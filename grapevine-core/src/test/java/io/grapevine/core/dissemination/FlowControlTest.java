package io.grapevine.core.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.wire.TrafficCounters;
import org.junit.jupiter.api.Test;

/** AIMD flow control against a byte budget, and the adaptive fanout rule. */
class FlowControlTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void admitsUpToOneIntervalOfTheRateThenDefers() {
        FlowControl flow = new FlowControl(10_000, SECOND, new TrafficCounters(), 0);
        assertThat(flow.admit(6_000, 0)).isTrue();
        assertThat(flow.admit(6_000, 0)).isFalse();
        assertThat(flow.deferrals()).isEqualTo(1);
        // half a second refills half a second's worth
        assertThat(flow.admit(6_000, SECOND / 2)).isTrue();
        assertThat(flow.admissibleAtNanos(6_000, SECOND / 2)).isGreaterThan(SECOND / 2);
    }

    @Test
    void anIntervalOverBudgetHalvesTheRateAndOneWithinItAddsATenth() {
        TrafficCounters counters = new TrafficCounters();
        FlowControl flow = new FlowControl(10_000, SECOND, counters, 0);
        counters.sent(25_000);
        assertThat(flow.overBudget(SECOND)).isTrue();
        assertThat(flow.rateBytesPerSecond()).isEqualTo(5_000);
        counters.sent(25_000);
        assertThat(flow.overBudget(2 * SECOND)).isTrue();
        assertThat(flow.rateBytesPerSecond()).isEqualTo(2_500);
        counters.sent(1_000);
        assertThat(flow.overBudget(3 * SECOND)).isFalse();
        assertThat(flow.rateBytesPerSecond()).isEqualTo(3_500);
        assertThat(flow.decreases()).isEqualTo(2);
        for (int i = 4; i < 30; i++) {
            flow.overBudget(i * SECOND);
        }
        assertThat(flow.rateBytesPerSecond()).isEqualTo(10_000);
    }

    @Test
    void aBudgetOfZeroAdmitsEverything() {
        FlowControl flow = new FlowControl(0, SECOND, new TrafficCounters(), 0);
        assertThat(flow.enabled()).isFalse();
        assertThat(flow.admit(Long.MAX_VALUE / 2, 0)).isTrue();
        assertThat(flow.overBudget(10 * SECOND)).isFalse();
    }

    @Test
    void theFanoutGrowsWithTheRetransmitLimitOnlyBeyondTheConfiguredOne() {
        // retransmitMult 4: limit 8 at N <= 99... 12 up to 999, 16 up to 9,999, 20 beyond
        assertThat(GossipRounds.adaptiveFanout(3, 8)).isEqualTo(3);
        assertThat(GossipRounds.adaptiveFanout(3, 12)).isEqualTo(3);
        assertThat(GossipRounds.adaptiveFanout(3, 16)).isEqualTo(4);
        assertThat(GossipRounds.adaptiveFanout(3, 20)).isEqualTo(5);
        assertThat(GossipRounds.adaptiveFanout(3, 1_000)).isEqualTo(64);
    }
}
