package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ring-repair token's per-hop entry counts on the wire (docs/wire-format.md,
 * {@code RING_REPAIR}): they round-trip, and a list that is too long for the round's replicas,
 * or claims more counts than bytes are left, is rejected (and so dropped and counted by the
 * receiver), never thrown.
 */
class RingRepairTokenCodecTest {
    private static final int TYPE_RING_REPAIR = 18;

    private static Decoded decode(byte[] bytes) {
        return WireCodec.decode(bytes, "c", Integer.MAX_VALUE);
    }

    /** A token body for partition 0, round 1, origin a, over {@code walk}, no roots, the given hops, none skipped. */
    private static RawBytes body(int step, List<String> walk, long... hops) {
        RawBytes body = new RawBytes().varint(0).varint(1).str8("a").varint(step).varint(walk.size());
        walk.forEach(body::str8);
        body.varint(0).varint(hops.length);
        for (long hop : hops) {
            body.varint(hop);
        }
        return body.varint(0);
    }

    private static byte[] packet(RawBytes body) {
        return RawBytes.packetHeader("c").u8(1).frame(TYPE_RING_REPAIR, body).sealed();
    }

    @Test
    void theEntriesOfEachHopRoundTrip() {
        RingRepairToken token = new RingRepairToken(3, 7, "a", 3, List.of("a", "b", "c"), List.of(11L, -5L, 0L),
                List.of(20L, 0L, 1L << 40), List.of("d"));

        byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, List.of(token));

        assertThat(decode(bytes)).isEqualTo(new Decoded.Ok(new Packet(WireCodecRejectionTest.SENDER, List.of(token))));
    }

    @Test
    void handWrittenBytesOfTheDocumentedLayoutDecode() {
        Decoded decoded = decode(packet(body(2, List.of("a", "b", "c"), 4, 300))); // 300: a two-byte varint

        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        RingRepairToken token = (RingRepairToken) ((Decoded.Ok) decoded).packet().messages().get(0);
        assertThat(token.entriesPerHop()).containsExactly(4L, 300L);
    }

    @Test
    void moreHopsThanTheRoundsReplicasCanWalkAreMalformed() {
        // two replicas walk one hop at most ((2 - 1)^2)
        assertThat(RingRepairToken.maxHops(2)).isEqualTo(1);
        assertThat(RingRepairToken.maxHops(4)).isEqualTo(9);

        Decoded decoded = decode(packet(body(1, List.of("a", "b"), 1, 2)));

        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        assertThat(((Decoded.Rejected) decoded).reason()).isEqualTo(Rejection.MALFORMED);
        assertThat(((Decoded.Rejected) decoded).detail()).contains("entriesPerHop");
    }

    @Test
    void aHopCountPastTheBytesLeftIsTruncatedBeforeAnythingIsAllocated() {
        RawBytes body = new RawBytes().varint(0).varint(1).str8("a").varint(1).varint(2).str8("a").str8("b")
                .varint(0).varint(Integer.MAX_VALUE);

        Decoded decoded = decode(packet(body));

        assertThat(decoded).isInstanceOf(Decoded.Rejected.class);
        assertThat(((Decoded.Rejected) decoded).reason()).isEqualTo(Rejection.TRUNCATED);
    }

    @Test
    void theRecordRefusesNegativeCountsAndTooManyHops() {
        assertThatThrownBy(() -> new RingRepairToken(0, 1, "a", 1, List.of("a", "b"), List.of(), List.of(-1L),
                List.of())).hasMessageContaining("entriesPerHop must be >= 0");
        assertThatThrownBy(() -> new RingRepairToken(0, 1, "a", 1, List.of("a", "b"), List.of(), List.of(1L, 1L),
                List.of())).hasMessageContaining("more than the 1");
    }
}
