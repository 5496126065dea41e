package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link StreamStallGuard} on an embedded channel, its timer run by advancing the channel's own clock. */
class StreamStallGuardTest {
    private final List<RuntimeDrop> drops = new ArrayList<>();

    private void seconds(EmbeddedChannel channel, int n) {
        for (int i = 0; i < n; i++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    @Test
    void aWriteUnansweredForFiveSecondsClosesTheConnectionAndIsCounted() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamStallGuard(drops::add));
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
        seconds(channel, StreamStallGuard.STALL_SECONDS - 1);
        assertThat(channel.isActive()).isTrue();
        seconds(channel, 1);
        assertThat(channel.isActive()).isFalse();
        assertThat(drops).containsExactly(RuntimeDrop.STREAM_STALLED);
    }

    @Test
    void aReplyResetsTheWaitAndAnIdleConnectionIsLeftAlone() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamStallGuard(drops::add));
        for (int round = 0; round < 4; round++) {
            channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
            seconds(channel, StreamStallGuard.STALL_SECONDS - 1);
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {2}));
        }
        seconds(channel, 3 * StreamStallGuard.STALL_SECONDS);
        assertThat(channel.isActive()).isTrue();
        assertThat(drops).isEmpty();
    }

    @Test
    void furtherWritesDoNotPostponeTheVerdictOnTheFirstUnansweredOne() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamStallGuard(drops::add));
        for (int second = 0; second < StreamStallGuard.STALL_SECONDS; second++) {
            channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));
            seconds(channel, 1);
        }
        assertThat(channel.isActive()).isFalse();
        assertThat(drops).containsExactly(RuntimeDrop.STREAM_STALLED);
    }
}
