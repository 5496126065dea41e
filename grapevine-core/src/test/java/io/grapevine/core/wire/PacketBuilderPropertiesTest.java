package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The MTU-bounded builder: a packet never exceeds its capacity (checksum included), a frame that does not fit is
 * refused with {@code false} and changes nothing, and what was accepted decodes to exactly
 * the accepted messages in order.
 */
class PacketBuilderPropertiesTest {

    @Test
    void packetsNeverExceedCapacityAndRefusedFramesChangeNothing() {
        Properties.qt(300).forAll(Gens.ints(64, 3_000), senders(), frames())
                .assuming((capacity, sender, messages) -> fitsAnEmptyPacket(sender, capacity))
                .checkAssert((capacity, sender, messages) -> {
                    byte[] header = WireCodec.header("c", sender);
                    PacketBuilder builder = new PacketBuilder(capacity).start(header);
                    List<WireMessage> accepted = new ArrayList<>();

                    for (WireMessage message : messages) {
                        byte[] frame = WireCodec.encodeFrame(message);
                        int remaining = builder.remaining();
                        int count = builder.count();
                        boolean added = builder.tryAdd(frame);

                        assertThat(added).as("a frame of %d bytes with %d remaining", frame.length, remaining)
                                .isEqualTo(frame.length <= remaining);
                        if (added) {
                            accepted.add(message);
                            assertThat(builder.remaining()).isEqualTo(remaining - frame.length);
                            assertThat(builder.count()).isEqualTo(count + 1);
                        } else {
                            assertThat(builder.remaining()).isEqualTo(remaining);
                            assertThat(builder.count()).isEqualTo(count);
                        }
                    }

                    if (accepted.isEmpty()) {
                        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
                        return;
                    }
                    byte[] packet = builder.build();
                    assertThat(packet.length).isLessThanOrEqualTo(capacity);
                    assertThat(packet.length).isEqualTo(capacity - builder.remaining());
                    assertThat(packet).isEqualTo(WireCodec.encodePacket("c", sender, accepted));
                    assertThat(WireCodec.decode(packet, "c", capacity))
                            .isEqualTo(new Decoded.Ok(new Packet(sender, accepted)));
                });
    }

    @Test
    void startingAgainForgetsThePreviousPacket() {
        Properties.qt(100).forAll(senders(), frames(), frames())
                .assuming((sender, first, second) -> fitsAnEmptyPacket(sender, 1_400))
                .checkAssert((sender, first, second) -> {
                    byte[] header = WireCodec.header("c", sender);
                    PacketBuilder builder = new PacketBuilder(1_400).start(header);
                    first.forEach(m -> builder.tryAdd(WireCodec.encodeFrame(m)));

                    builder.start(header);
                    List<WireMessage> accepted = new ArrayList<>();
                    for (WireMessage message : second) {
                        if (builder.tryAdd(WireCodec.encodeFrame(message))) {
                            accepted.add(message);
                        }
                    }

                    if (accepted.isEmpty()) {
                        return; // nothing to build: an assumption about the outcome, so the example just passes
                    }
                    assertThat(builder.build()).isEqualTo(WireCodec.encodePacket("c", sender, accepted));
                });
    }

    /** Whether a packet from {@code sender} with no frames fits in {@code capacity} bytes. */
    private static boolean fitsAnEmptyPacket(NodeId sender, int capacity) {
        return WireCodec.header("c", sender).length + 1 + WireCodec.CHECKSUM_BYTES <= capacity;
    }

    @Test
    void aPacketHoldsAtMostTwoHundredFiftyFiveFramesEvenWithRoomLeft() {
        PacketBuilder builder = new PacketBuilder(65_000).start(WireCodec.header("c", WireCodecRejectionTest.SENDER));
        byte[] ack = WireCodec.encodeFrame(new Ack(1));
        for (int i = 0; i < WireLimits.MAX_MESSAGES_PER_PACKET; i++) {
            assertThat(builder.tryAdd(ack)).isTrue();
        }

        assertThat(builder.remaining()).isZero();
        assertThat(builder.tryAdd(ack)).isFalse();
        assertThat(builder.count()).isEqualTo(255);
        assertThat(WireCodec.decode(builder.build(), "c", 65_000)).isEqualTo(new Decoded.Ok(
                new Packet(WireCodecRejectionTest.SENDER, Collections.nCopies(255, new Ack(1)))));
    }

    @Test
    void framesThatExactlyFillTheCapacityFitAndOneByteLessRefusesTheLast() {
        byte[] header = WireCodec.header("c", WireCodecRejectionTest.SENDER);
        byte[] ack = WireCodec.encodeFrame(new Ack(1));
        int acks = 9;
        int capacity = header.length + 1 + acks * ack.length + WireCodec.CHECKSUM_BYTES;
        assertThat(capacity).isGreaterThanOrEqualTo(64);
        PacketBuilder exact = new PacketBuilder(capacity).start(header);
        PacketBuilder oneLess = new PacketBuilder(capacity - 1).start(header);

        int addedExact = 0;
        while (exact.tryAdd(ack)) {
            addedExact++;
        }
        int addedOneLess = 0;
        while (oneLess.tryAdd(ack)) {
            addedOneLess++;
        }

        assertThat(addedExact).isEqualTo(acks);
        assertThat(exact.remaining()).isZero();
        assertThat(exact.build()).hasSize(capacity);
        assertThat(addedOneLess).isEqualTo(acks - 1);
        assertThat(oneLess.remaining()).isEqualTo(ack.length - 1);
        assertThat(oneLess.build()).hasSize(capacity - ack.length);
    }

    @Test
    void misuseFailsFast() {
        assertThatThrownBy(() -> new PacketBuilder(63)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
        PacketBuilder builder = new PacketBuilder(64);
        assertThatThrownBy(() -> builder.start(new byte[64])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.start(new byte[10]).build()).isInstanceOf(IllegalStateException.class);
    }

    private static Gen<NodeId> senders() {
        return WireArbitraries.nodeIds();
    }

    private static Gen<List<WireMessage>> frames() {
        return Gens.lists(WireArbitraries.messages(), 0, 20);
    }
}
