package io.grapevine.core.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.WireCodec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RumorQueueTest {
    private static final byte[] HEADER = WireCodec.header("", new NodeId("n", new Address("h", 1), 1));

    private static byte[] frame(int id, int size) {
        byte[] frame = new byte[size];
        Arrays.fill(frame, (byte) id);
        return frame;
    }

    private static int sent(RumorQueue queue, int limit, int capacity) {
        PacketBuilder packet = new PacketBuilder(capacity).start(HEADER);
        return queue.fill(packet, limit);
    }

    @Test
    void higherPriorityGoesFirstThenFewestTransmissions() {
        RumorQueue queue = new RumorQueue(100);
        queue.offer("user", RumorPriority.USER, frame(1, 40));
        queue.offer("suspect", RumorPriority.SUSPICION, frame(2, 40));
        queue.offer("alive", RumorPriority.MEMBERSHIP, frame(3, 40));
        PacketBuilder packet = new PacketBuilder(64 + HEADER.length).start(HEADER);
        assertThat(queue.fill(packet, 10)).isEqualTo(1);
        byte[] built = packet.build();
        assertThat(built[HEADER.length + 1]).isEqualTo((byte) 3);
    }

    @Test
    void aRumorWithTheSameKeySupersedesTheQueuedOne() {
        RumorQueue queue = new RumorQueue(100);
        queue.offer("m:a", RumorPriority.SUSPICION, frame(1, 10));
        queue.offer("m:a", RumorPriority.MEMBERSHIP, frame(2, 10));
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void rumorsLeaveAfterTheTransmitLimit() {
        RumorQueue queue = new RumorQueue(100);
        queue.offer("a", RumorPriority.MEMBERSHIP, frame(1, 10));
        for (int i = 0; i < 3; i++) {
            assertThat(sent(queue, 3, 256)).isEqualTo(1);
        }
        assertThat(queue.size()).isZero();
        assertThat(sent(queue, 3, 256)).isZero();
    }

    @Test
    void whenFullTheLowestPriorityIsEvictedAndCounted() {
        RumorQueue queue = new RumorQueue(16);
        for (int i = 0; i < 16; i++) {
            queue.offer("u" + i, RumorPriority.USER, frame(i, 8));
        }
        assertThat(queue.offer("alive", RumorPriority.MEMBERSHIP, frame(99, 8))).isTrue();
        assertThat(queue.size()).isEqualTo(16);
        assertThat(queue.drops(RumorPriority.USER)).isEqualTo(1);
        assertThat(queue.contains("alive")).isTrue();
        for (int i = 0; i < 16; i++) {
            queue.offer("a" + i, RumorPriority.MEMBERSHIP, frame(i, 8));
        }
        // no user rumor can now displace membership rumors
        assertThat(queue.offer("late-user", RumorPriority.USER, frame(1, 8))).isFalse();
        assertThat(queue.size()).isEqualTo(16);
        assertThat(queue.maxSize()).isEqualTo(16);
    }

    @Test
    void filledPacketsStayWithinTheirCapacityAndDecode() {
        RumorQueue queue = new RumorQueue(1000);
        for (int i = 0; i < 500; i++) {
            queue.offer("k" + i, RumorPriority.USER, WireCodec.encodeFrame(new io.grapevine.core.wire.Ack(i)));
        }
        PacketBuilder packet = new PacketBuilder(1400).start(HEADER);
        int added = queue.fill(packet, 4);
        byte[] built = packet.build();
        assertThat(built.length).isLessThanOrEqualTo(1400);
        assertThat(added).isBetween(100, 255);
        Decoded decoded = WireCodec.decode(built, "", 1400);
        assertThat(decoded.isOk()).isTrue();
        assertThat(((Decoded.Ok) decoded).packet().messages()).hasSize(added);
    }

    @Test
    void retransmitLimitFollowsMemberlistsRule() {
        assertThat(List.of(RumorQueue.retransmitLimit(4, 1), RumorQueue.retransmitLimit(4, 9),
                RumorQueue.retransmitLimit(4, 10), RumorQueue.retransmitLimit(4, 1000)))
                .containsExactly(4, 4, 8, 16);
    }
}
