package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the version-1 codec: valid packets round-trip byte for byte, and the decoder
 * is total (any bytes give {@code Ok} or {@code Rejected}) and canonical (whatever it accepts
 * re-encodes to exactly the bytes it was given, so corruption is never silently absorbed).
 * Junk is fed both as is (the CRC-32C trailer stops it) and resealed with a valid checksum, as
 * a buggy or hostile sender would send it, so the parser behind the checksum is exercised too.
 * Examples are bounded so the class runs in seconds; a failure reports its seed
 * (see {@link Properties}).
 */
class WireCodecPropertiesTest {
    /** Raw single-bit flips: the CRC-32C trailer must catch every one. */
    private static final FlipTally RAW = new FlipTally();
    /** Flips resealed with a fresh checksum, as a buggy or hostile sender would: the parser's turn. */
    private static final FlipTally RESEALED = new FlipTally();

    @AfterAll
    static void reportBitFlips() {
        System.out.println("single bit flips of valid packets, raw:      " + RAW);
        System.out.println("single bit flips of valid packets, resealed: " + RESEALED);
    }

    // ---- round trips ------------------------------------------------------------------------

    /** Also checks coverage: each message type is at least 1 in 80 of the examples (10 of 800; 25 types share them). */
    @Test
    void everyMessageTypeRoundTripsAlone() {
        Map<MessageType, Integer> seen = new EnumMap<>(MessageType.class);
        Properties.qt(800).forAll(WireArbitraries.messages(), labels(), nodeIds()).checkAssert((message, label, sender) -> {
            seen.merge(message.kind(), 1, Integer::sum);
            byte[] bytes = WireCodec.encodePacket(label, sender, List.of(message));

            Packet packet = decodeOk(bytes, label);

            assertThat(packet).isEqualTo(new Packet(sender, List.of(message)));
            assertThat(WireCodec.encodePacket(label, sender, packet.messages())).isEqualTo(bytes);
        });
        int atLeast = Properties.examples(800) / 80;
        for (MessageType type : MessageType.values()) {
            assertThat(seen.getOrDefault(type, 0)).as("examples of %s", type).isGreaterThanOrEqualTo(atLeast);
        }
    }

    @Test
    void compoundPacketsRoundTripInWireOrder() {
        Properties.qt(300).forAll(compounds(), labels(), nodeIds()).checkAssert((messages, label, sender) -> {
            byte[] bytes = WireCodec.encodePacket(label, sender, messages);

            assertThat(decodeOk(bytes, label)).isEqualTo(new Packet(sender, messages));
        });
    }

    @Test
    void aPacketIsItsHeaderThenCountThenItsFramesThenTheirChecksum() {
        Properties.qt(50).forAll(compounds(), labels(), nodeIds()).checkAssert((messages, label, sender) -> {
            RawBytes expected = new RawBytes().raw(WireCodec.header(label, sender)).u8(messages.size());
            for (WireMessage message : messages) {
                expected.raw(WireCodec.encodeFrame(message));
            }

            assertThat(WireCodec.encodePacket(label, sender, messages)).isEqualTo(expected.sealed());
        });
    }

    @Test
    void aPacketWithAnotherLabelIsAlwaysWrongLabel() {
        Properties.qt(200).forAll(WireArbitraries.smallMessages(), labels(), labels())
                .checkAssert((message, label, expected) -> {
                    byte[] bytes = WireCodec.encodePacket(label, WireCodecRejectionTest.SENDER, List.of(message));

                    Decoded decoded = WireCodec.decode(bytes, expected, Integer.MAX_VALUE);

                    if (label.equals(expected)) {
                        assertThat(decoded.isOk()).isTrue();
                    } else {
                        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class,
                                r -> assertThat(r.reason()).isEqualTo(Rejection.WRONG_LABEL));
                    }
                });
    }

    // ---- totality on junk -------------------------------------------------------------------

    @Test
    void arbitraryBytesNeverThrow() {
        Properties.qt(5000).forAll(Gens.byteArrays(0, 600)).checkAssert(bytes -> assertTotalAndCanonical(bytes, ""));
    }

    @Test
    void arbitraryBytesAfterTheMagicAndVersionNeverThrow() {
        Properties.qt(3000).forAll(Gens.byteArrays(0, 600), Gens.booleans()).checkAssert((tail, sealed) -> {
            RawBytes bytes = new RawBytes().u8s('G', 'V', 1).raw(tail);
            assertTotalAndCanonical(sealed ? bytes.sealed() : bytes.toArray(), "c");
        });
    }

    @Test
    void arbitrarySealedBytesBehindAValidHeaderNeverThrow() {
        Properties.qt(3000).forAll(Gens.byteArrays(0, 600), Gens.ints(0, 255)).checkAssert((tail, count) -> {
            byte[] bytes = new RawBytes().raw(WireCodec.header("c", WireCodecRejectionTest.SENDER)).u8(count)
                    .raw(tail).sealed();
            assertTotalAndCanonical(bytes, "c");
        });
    }

    @Test
    void arbitrarySealedBodiesOfEveryFrameTypeNeverThrow() {
        Properties.qt(3000).forAll(Gens.ints(0, 12), Gens.ints(0, 300), Gens.byteArrays(0, 300))
                .checkAssert((type, declaredLength, body) -> {
                    byte[] bytes = new RawBytes().raw(WireCodec.header("c", WireCodecRejectionTest.SENDER)).u8(1)
                            .u8(type).varint(declaredLength).raw(body).sealed();
                    assertTotalAndCanonical(bytes, "c");
                });
    }

    @Test
    void validPacketsWithRandomBytesOverwrittenAndResealedNeverThrow() {
        Properties.qt(500).forAll(mediumCompounds(), Gens.lists(Gens.ints(0, 1_000_000), 1, 4), Gens.byteArrays(4, 4))
                .checkAssert((messages, positions, values) -> {
                    byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, messages);
                    int bodyLength = bytes.length - WireCodec.CHECKSUM_BYTES;
                    for (int i = 0; i < positions.size(); i++) {
                        bytes[positions.get(i) % bodyLength] = values[i];
                    }
                    assertTotalAndCanonical(RawBytes.reseal(bytes), "c");
                });
    }

    // ---- truncation and bit flips -----------------------------------------------------------

    @Test
    void everyTruncationOfAValidPacketIsRejected() {
        Properties.qt(300).forAll(smallCompounds(), shortLabels()).checkAssert((messages, label) -> {
            byte[] bytes = WireCodec.encodePacket(label, WireCodecRejectionTest.SENDER, messages);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                // as received: the checksum no longer matches
                assertThat(WireCodec.decode(prefix, label, Integer.MAX_VALUE))
                        .as("prefix of %d/%d bytes", length, bytes.length)
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
        });
    }

    @Test
    void everySingleBitFlipIsRejectedOrReEncodesToTheFlippedBytes() {
        Properties.qt(250).forAll(smallCompounds(), shortLabels()).checkAssert((messages, label) -> {
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
        });
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

    private static Gen<List<WireMessage>> compounds() {
        return Generate.oneOf(
                Gens.lists(WireArbitraries.messages(), 1, 8),
                // 255-frame packets are covered by example tests; 64 keeps generation cheap
                Gens.lists(WireArbitraries.smallMessages(), 1, 64));
    }

    private static Gen<List<WireMessage>> mediumCompounds() {
        return Generate.oneOf(
                Gens.lists(WireArbitraries.messages(), 1, 3),
                Gens.lists(WireArbitraries.smallMessages(), 1, 20));
    }

    private static Gen<List<WireMessage>> smallCompounds() {
        return Gens.lists(WireArbitraries.smallMessages(), 1, 3);
    }

    private static Gen<String> labels() {
        return Generate.oneOf(Gens.of("", "c", "prod-eu"), WireArbitraries.labels()).describedAs(Gens::quoted);
    }

    private static Gen<String> shortLabels() {
        return Gens.of("", "c", "prod-eu", "\u00e9t\u00e9").describedAs(Gens::quoted);
    }

    private static Gen<NodeId> nodeIds() {
        return Generate.oneOf(WireArbitraries.nodeIds(), Gens.of("a", "node-1").zip(Gens.ints(0, 3),
                (name, generation) -> new NodeId(name, WireCodecRejectionTest.SENDER.address(), generation)));
    }
}
