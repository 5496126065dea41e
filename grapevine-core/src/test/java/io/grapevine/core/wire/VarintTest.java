package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grapevine.core.testsupport.Properties;
import org.junit.jupiter.api.Test;

/**
 * Varints are unsigned LEB128 in their shortest form: one encoding per value, so a packet the
 * decoder accepts always re-encodes to the same bytes (no malleable "80 00" for 0).
 */
class VarintTest {

    private static long read(int... bytes) {
        byte[] data = new RawBytes().u8s(bytes).toArray();
        WireReader reader = new WireReader(data, 0, data.length, null);
        long value = reader.varLong();
        assertThat(reader.remaining()).as("bytes left after the varint").isZero();
        return value;
    }

    private static Rejection rejection(int... bytes) {
        byte[] data = new RawBytes().u8s(bytes).toArray();
        Malformed malformed = catchThrowableOfType(Malformed.class,
                () -> new WireReader(data, 0, data.length, null).varLong());
        assertThat(malformed).as("reading %s", RawBytes.hex(data)).isNotNull();
        return malformed.reason();
    }

    @Test
    void shortestFormsDecode() {
        assertThat(read(0x00)).isZero();
        assertThat(read(0x7F)).isEqualTo(127);
        assertThat(read(0x80, 0x01)).isEqualTo(128);
        assertThat(read(0xAC, 0x02)).isEqualTo(300);
        assertThat(read(0xFF, 0xFF, 0xFF, 0xFF, 0x07)).isEqualTo(Integer.MAX_VALUE);
        assertThat(read(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void overlongFormsAreMalformed() {
        assertThat(rejection(0x80, 0x00)).isEqualTo(Rejection.MALFORMED);             // 0 in two bytes
        assertThat(rejection(0x81, 0x80, 0x00)).isEqualTo(Rejection.MALFORMED);       // 1 in three bytes
        assertThat(rejection(0xFF, 0x80, 0x00)).isEqualTo(Rejection.MALFORMED);       // 127 in three bytes
        assertThat(rejection(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00))
                .isEqualTo(Rejection.MALFORMED);                                       // 2^63-1 in ten bytes
    }

    @Test
    void valuesAboveLongMaxAndRunawayContinuationsAreMalformed() {
        assertThat(rejection(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01))
                .isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void aContinuationBitOnTheLastByteIsTruncated() {
        assertThat(rejection(0x80)).isEqualTo(Rejection.TRUNCATED);
        assertThat(rejection(0xFF, 0xFF)).isEqualTo(Rejection.TRUNCATED);
    }

    /** Over every non-negative long, each varint width (1..9 bytes) and both ends of the range drawn often. */
    @Test
    void everyNonNegativeLongRoundTripsInItsShortestForm() {
        Properties.qt(2000).forAll(WireArbitraries.nonNegativeLongs()).checkAssert(value -> {
            WireWriter writer = new WireWriter(16).varLong(value);
            byte[] bytes = writer.toByteArray();

            int significantBits = 64 - Long.numberOfLeadingZeros(value);
            assertThat(bytes).hasSize(Math.max(1, (significantBits + 6) / 7));
            WireReader reader = new WireReader(bytes, 0, bytes.length, null);
            assertThat(reader.varLong()).isEqualTo(value);
        });
    }

    @Test
    void aPacketWithAnOverlongGenerationIsRejectedNotSilentlyNormalised() {
        // the sender's generation 0 written as 80 00 instead of 00, with a valid checksum:
        // decoding it and encoding the result would give different bytes, so it is refused
        byte[] bytes = new RawBytes().u8s('G', 'V', 1, 0).str8("c").str8("a").str8("h").u16(1).u8s(0x80, 0x00)
                .u8(1).frame(MessageType.ACK.code(), new RawBytes().i32(7)).sealed();

        assertThat(WireCodec.decode(bytes, "c", 1400)).isInstanceOfSatisfying(Decoded.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Rejection.MALFORMED));
    }
}
