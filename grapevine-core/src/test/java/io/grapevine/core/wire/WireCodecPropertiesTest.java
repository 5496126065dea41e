package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.grapevine.core.base.NodeId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of the version-1 codec: valid packets round-trip byte for byte, and the decoder
 * is total (any bytes give {@code Ok} or {@code Rejected}) and canonical (whatever it accepts
 * re-encodes to exactly the bytes it was given, so corruption is never silently absorbed).
 * Junk is fed both as is (the CRC-32C trailer stops it) and resealed with a valid checksum, as
 * a buggy or hostile sender would send it, so the parser behind the checksum is exercised too.
 * Tries are bounded so the class runs in seconds; jqwik prints the seed of any failure.
 */
class WireCodecPropertiesTest {
    /** Raw single-bit flips: the CRC-32C trailer must catch every one. */
    private static final FlipTally RAW = new FlipTally();
    /** Flips resealed with a fresh checksum, as a buggy or hostile sender would: the parser's turn. */
    private static final FlipTally RESEALED = new FlipTally();

    @AfterContainer
    static void reportBitFlips() {
        System.out.println("single bit flips of valid packets, raw:      " + RAW);
        System.out.println("single bit flips of valid packets, resealed: " + RESEALED);
    }

    // ---- round trips ------------------------------------------------------------------------

    @Property(tries = 400)
    void everyMessageTypeRoundTripsAlone(@ForAll("messages") WireMessage message,
                                         @ForAll("labels") String label,
                                         @ForAll("nodeIds") NodeId sender) {
        Statistics.collect(message.kind());
        Statistics.coverage(coverage -> {
            for (MessageType type : MessageType.values()) {
                coverage.check(type).count(n -> n >= 10);
            }
        });
        byte[] bytes = WireCodec.encodePacket(label, sender, List.of(message));

        Packet packet = decodeOk(bytes, label);

        assertThat(packet).isEqualTo(new Packet(sender, List.of(message)));
        assertThat(WireCodec.encodePacket(label, sender, packet.messages())).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void compoundPacketsRoundTripInWireOrder(@ForAll("compounds") List<WireMessage> messages,
                                             @ForAll("labels") String label,
                                             @ForAll("nodeIds") NodeId sender) {
        byte[] bytes = WireCodec.encodePacket(label, sender, messages);

        assertThat(decodeOk(bytes, label)).isEqualTo(new Packet(sender, messages));
    }

    @Property(tries = 50)
    void aPacketIsItsHeaderThenCountThenItsFramesThenTheirChecksum(@ForAll("compounds") List<WireMessage> messages,
                                                              @ForAll("labels") String label,
                                                              @ForAll("nodeIds") NodeId sender) {
        RawBytes expected = new RawBytes().raw(WireCodec.header(label, sender)).u8(messages.size());
        for (WireMessage message : messages) {
            expected.raw(WireCodec.encodeFrame(message));
        }

        assertThat(WireCodec.encodePacket(label, sender, messages)).isEqualTo(expected.sealed());
    }

    @Property(tries = 200)
    void aPacketWithAnotherLabelIsAlwaysWrongLabel(@ForAll("smallMessages") WireMessage message,
                                                   @ForAll("labels") String label,
                                                   @ForAll("labels") String expected) {
        byte[] bytes = WireCodec.encodePacket(label, WireCodecRejectionTest.SENDER, List.of(message));

        Decoded decoded = WireCodec.decode(bytes, expected, Integer.MAX_VALUE);

        if (label.equals(expected)) {
            assertThat(decoded.isOk()).isTrue();
        } else {
            assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Rejection.WRONG_LABEL));
        }
    }

    // ---- totality on junk -------------------------------------------------------------------

    @Property(tries = 5000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 600) byte[] bytes) {
        assertTotalAndCanonical(bytes, "");
    }

    @Property(tries = 3000)
    void arbitraryBytesAfterTheMagicAndVersionNeverThrow(@ForAll @Size(max = 600) byte[] tail,
                                                         @ForAll boolean sealed) {
        RawBytes bytes = new RawBytes().u8s('G', 'V', 1).raw(tail);
        assertTotalAndCanonical(sealed ? bytes.sealed() : bytes.toArray(), "c");
    }

    @Property(tries = 3000)
    void arbitrarySealedBytesBehindAValidHeaderNeverThrow(@ForAll @Size(max = 600) byte[] tail,
                                                          @ForAll @IntRange(min = 0, max = 255) int count) {
        byte[] bytes = new RawBytes().raw(WireCodec.header("c", WireCodecRejectionTest.SENDER)).u8(count)
                .raw(tail).sealed();
        assertTotalAndCanonical(bytes, "c");
    }

    @Property(tries = 3000)
    void arbitrarySealedBodiesOfEveryFrameTypeNeverThrow(@ForAll @IntRange(min = 0, max = 12) int type,
                                                         @ForAll @IntRange(min = 0, max = 300) int declaredLength,
                                                         @ForAll @Size(max = 300) byte[] body) {
        byte[] bytes = new RawBytes().raw(WireCodec.header("c", WireCodecRejectionTest.SENDER)).u8(1)
                .u8(type).varint(declaredLength).raw(body).sealed();
        assertTotalAndCanonical(bytes, "c");
    }

    @Property(tries = 500)
    void validPacketsWithRandomBytesOverwrittenAndResealedNeverThrow(
            @ForAll("mediumCompounds") List<WireMessage> messages,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll @Size(min = 4, max = 4) byte[] values) {
        byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, messages);
        int bodyLength = bytes.length - WireCodec.CHECKSUM_BYTES;
        for (int i = 0; i < positions.size(); i++) {
            bytes[positions.get(i) % bodyLength] = values[i];
        }
        assertTotalAndCanonical(RawBytes.reseal(bytes), "c");
    }

    // ---- truncation and bit flips -----------------------------------------------------------

    @Property(tries = 300)
    void everyTruncationOfAValidPacketIsRejected(@ForAll("smallCompounds") List<WireMessage> messages,
                                                 @ForAll("shortLabels") String label) {
        byte[] bytes = WireCodec.encodePacket(label, WireCodecRejectionTest.SENDER, messages);
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            // as received: the checksum no longer matches
            assertThat(WireCodec.decode(prefix, label, Integer.MAX_VALUE)).as("prefix of %d/%d bytes", length, bytes.length)
                    .isInstanceOfSatisfying(Decoded.Rejected.class, r -> assertThat(r.reason())
                            .isIn(Rejection.TOO_SHORT, Rejection.BAD_CHECKSUM));
            // resealed: the parser itself sees the missing bytes
            if (length < bytes.length - WireCodec.CHECKSUM_BYTES && length > 0) {
                byte[] resealed = new RawBytes().raw(Arrays.copyOf(bytes, length)).sealed();
                assertThat(WireCodec.decode(resealed, label, Integer.MAX_VALUE))
                        .as("resealed prefix of %d/%d bytes", length, bytes.length)
                        .isInstanceOfSatisfying(Decoded.Rejected.class, r -> assertThat(r.reason())
                                .isIn(Rejection.TOO_SHORT, Rejection.TRUNCATED));
            }
        }
    }

    @Property(tries = 250)
    void everySingleBitFlipIsRejectedOrReEncodesToTheFlippedBytes(@ForAll("smallCompounds") List<WireMessage> messages,
                                                                  @ForAll("shortLabels") String label) {
        byte[] original = WireCodec.encodePacket(label, WireCodecRejectionTest.SENDER, messages);
        int bodyLength = original.length - WireCodec.CHECKSUM_BYTES;
        byte[] flipped = original.clone();
        for (int bit = 0; bit < original.length * 8; bit++) {
            byte mask = (byte) (1 << (bit % 8));
            flipped[bit / 8] ^= mask;
            Decoded raw = WireCodec.decode(flipped, label, Integer.MAX_VALUE);
            if (raw.isOk()) {
                fail("raw flip of bit %d accepted: %s", bit, RawBytes.hex(original));
            }
            RAW.count(raw);
            if (bit < bodyLength * 8) {
                RESEALED.count(assertTotalAndCanonical(RawBytes.reseal(flipped), label));
            }
            flipped[bit / 8] ^= mask;
        }
    }

    /**
     * Decodes {@code bytes}, failing the property if the decoder throws or if it accepts bytes
     * that do not re-encode to themselves. Returns the decode result.
     */
    private static Decoded assertTotalAndCanonical(byte[] bytes, String label) {
        Decoded decoded;
        try {
            decoded = WireCodec.decode(bytes, label, Integer.MAX_VALUE);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("decoder threw on " + RawBytes.hex(bytes), e);
        }
        if (decoded instanceof Decoded.Rejected rejected) {
            assertThat(rejected.reason()).isNotNull();
            assertThat(rejected.detail()).isNotNull();
            return decoded;
        }
        if (decoded instanceof Decoded.Ok ok) {
            Packet packet = ok.packet();
            byte[] again = WireCodec.encodePacket(label, packet.sender(), packet.messages());
            if (!Arrays.equals(again, bytes)) {
                // hex only on failure: this runs for every accepted input
                assertThat(RawBytes.hex(again)).as("accepted bytes must re-encode to themselves")
                        .isEqualTo(RawBytes.hex(bytes));
            }
            return decoded;
        }
        return fail("decode returned %s", decoded);
    }

    private static Packet decodeOk(byte[] bytes, String label) {
        Decoded decoded = WireCodec.decode(bytes, label, Integer.MAX_VALUE);
        assertThat(decoded).as("decode of %s", RawBytes.hex(bytes)).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok) decoded).packet();
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<WireMessage> messages() {
        return WireArbitraries.messages();
    }

    @Provide
    Arbitrary<WireMessage> smallMessages() {
        return WireArbitraries.smallMessages();
    }

    /** Counts decode outcomes: accepted, and rejected by reason. */
    private static final class FlipTally {
        private long accepted;
        private final Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);

        void count(Decoded decoded) {
            if (decoded instanceof Decoded.Rejected r) {
                rejected.merge(r.reason(), 1L, Long::sum);
            } else {
                accepted++;
            }
        }

        @Override
        public String toString() {
            long total = rejected.values().stream().mapToLong(Long::longValue).sum();
            return total + " rejected " + rejected + ", " + accepted + " accepted (each re-encoded exactly)";
        }
    }

    @Provide
    Arbitrary<List<WireMessage>> compounds() {
        return Arbitraries.oneOf(
                WireArbitraries.messages().list().ofMinSize(1).ofMaxSize(8),
                // 255-frame packets are covered by example tests; 64 keeps generation cheap
                WireArbitraries.smallMessages().list().ofMinSize(1).ofMaxSize(64));
    }

    @Provide
    Arbitrary<List<WireMessage>> mediumCompounds() {
        return Arbitraries.oneOf(
                WireArbitraries.messages().list().ofMinSize(1).ofMaxSize(3),
                WireArbitraries.smallMessages().list().ofMinSize(1).ofMaxSize(20));
    }

    @Provide
    Arbitrary<List<WireMessage>> smallCompounds() {
        return WireArbitraries.smallMessages().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.oneOf(Arbitraries.of("", "c", "prod-eu"), WireArbitraries.labels());
    }

    @Provide
    Arbitrary<String> shortLabels() {
        return Arbitraries.of("", "c", "prod-eu", "\u00e9t\u00e9");
    }

    @Provide
    Arbitrary<NodeId> nodeIds() {
        return Arbitraries.oneOf(WireArbitraries.nodeIds(), Combinators.combine(
                Arbitraries.of("a", "node-1"), Arbitraries.integers().between(0, 3)).as(
                (name, generation) -> new NodeId(name, WireCodecRejectionTest.SENDER.address(), generation)));
    }
}
