package io.grapevine.services.blocklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every option's default and its validation message naming it. */
class BlockLogConfigTest {
    @Test
    void defaultsAreFabricsWhereFabricHasTheKnob() {
        BlockLogConfig config = BlockLogConfig.defaults();
        assertThat(config.fanout()).isEqualTo(3);
        assertThat(config.pullIntervalNanos()).isEqualTo(4_000_000_000L);
        assertThat(config.pullPeers()).isEqualTo(3);
        assertThat(config.maxBlocksPerMessage()).isEqualTo(10);
        assertThat(config.bufferBlocks()).isEqualTo(100);
        assertThat(config.retainBlocks()).isEqualTo(1000);
        assertThat(config.produceIntervalNanos()).isZero();
        assertThat(config.takeoverNanos()).isEqualTo(1_000_000_000L);
        assertThat(config.gapRepair()).isTrue();
        assertThat(config.withGapRepair(false).withFanout(5).gapRepair()).isFalse();
    }

    @Test
    void eachBadOptionIsNamedInTheMessage() {
        BlockLogConfig d = BlockLogConfig.defaults();
        assertThatThrownBy(() -> d.withFanout(-1)).hasMessage("fanout must be in 0..1000: -1");
        assertThatThrownBy(() -> d.withPullIntervalNanos(-1)).hasMessage("pullIntervalNanos must be >= 0: -1");
        assertThatThrownBy(() -> d.withPullPeers(0)).hasMessage("pullPeers must be in 1..1000: 0");
        assertThatThrownBy(() -> d.withMaxBlocksPerMessage(1001)).hasMessage("maxBlocksPerMessage must be in 1..1000: 1001");
        assertThatThrownBy(() -> d.withBufferBlocks(0)).hasMessage("bufferBlocks must be in 1..100000: 0");
        assertThatThrownBy(() -> d.withRetainBlocks(0)).hasMessage("retainBlocks must be in 1..1000000: 0");
        assertThatThrownBy(() -> d.withProduceIntervalNanos(-5)).hasMessage("produceIntervalNanos must be >= 0: -5");
        assertThatThrownBy(() -> d.withTakeoverNanos(0)).hasMessage("takeoverNanos must be > 0: 0");
        assertThat(d.withFanout(0).withPullIntervalNanos(0).fanout()).isZero();
    }
}
