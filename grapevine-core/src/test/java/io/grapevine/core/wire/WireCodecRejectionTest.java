package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One crafted input per {@link Rejection} reason, written by hand with {@link RawBytes} from
 * docs/wire-format.md, plus the golden bytes of the documented example packet.
 */
class WireCodecRejectionTest {
    /** The sender {@link RawBytes#packetHeader} writes: {@code a@h:7946#1}. */
    static final NodeId SENDER = new NodeId("a", new Address("h", 7946), 1);

    private static final int TYPE_PING = 1;
    private static final int TYPE_ACK = 2;
    private static final int TYPE_MEMBER_UPDATE = 5;
    private static final int TYPE_USER_EVENT = 6;
    private static final int TYPE_STATE_SYNC = 7;

    private static Decoded decode(byte[] bytes) {
        return WireCodec.decode(bytes, "c", Integer.MAX_VALUE);
    }

    private static Rejection rejection(byte[] bytes) {
        Decoded decoded = decode(bytes);
        assertThat(decoded).as("decode of %s", RawBytes.hex(bytes)).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected) decoded).reason();
    }

    /** A valid one-ack packet with label {@code c} from {@link #SENDER}. */
    private static RawBytes ackPacket() {
        return RawBytes.packetHeader("c").u8(1).frame(TYPE_ACK, new RawBytes().i32(7));
    }

    private static RawBytes memberUpdateBody(int status) {
        return new RawBytes().node("m", "h", 1, 0).varint(3).u8(status).str8("o");
    }

    // ---- golden bytes -----------------------------------------------------------------------

    @Test
    void documentedPingExampleHasExactlyTheDocumentedBytes() {
        NodeId sender = new NodeId("a", new Address("10.0.0.1", 7946), 1);

        byte[] bytes = WireCodec.encodePacket("demo", sender, List.of(new Ping(42, "b")));

        // docs/wire-format.md, "Worked example"
        assertThat(RawBytes.hex(bytes)).isEqualTo("47 56 01 00 04 64 65 6d 6f 01 61 08 31 30 2e 30 2e 30 2e 31"
                + " 1f 0a 01 01 01 06 00 00 00 2a 01 62 55 4d b4 a3");
        // and the same bytes written by hand from the layout, with an independent CRC-32C
        assertThat(bytes).isEqualTo(new RawBytes().u8s('G', 'V', 1, 0).str8("demo").node("a", "10.0.0.1", 7946, 1)
                .u8(1).frame(TYPE_PING, new RawBytes().i32(42).str8("b")).sealed());
        assertThat(WireCodec.decode(bytes, "demo", 1400))
                .isEqualTo(new Decoded.Ok(new Packet(sender, List.of(new Ping(42, "b")))));
    }

    @Test
    void handWrittenAckPacketDecodes() {
        assertThat(decode(ackPacket().sealed()))
                .isEqualTo(new Decoded.Ok(new Packet(SENDER, List.of(new Ack(7)))));
    }

    // ---- one input per reason ---------------------------------------------------------------

    @Test
    void fewerThanSeventeenBytesAreTooShort() {
        // magic, version, flags, empty label, smallest sender (7), count, checksum
        byte[] smallest = new RawBytes().u8s('G', 'V', 1, 0).str8("").node("a", "h", 1, 0).u8(1).sealed();
        assertThat(smallest).hasSize(17);
        // long enough to parse, but the declared frame is missing
        assertThat(((Decoded.Rejected) WireCodec.decode(smallest, "", 1400)).reason()).isEqualTo(Rejection.TRUNCATED);
        for (int length = 0; length < 17; length++) {
            assertThat(rejection(Arrays.copyOf(smallest, length))).isEqualTo(Rejection.TOO_SHORT);
        }
    }

    @Test
    void theSmallestValidPacketsAreTheDocumentedSizes() {
        NodeId minimal = new NodeId("a", new Address("h", 1), 0);
        byte[] emptyDelta = WireCodec.encodePacket("", minimal, List.of(new StatePush(Delta.EMPTY)));
        byte[] emptyDigest = WireCodec.encodePacket("", minimal, List.of(new StateDigest(new Digest(List.of()), false)));
        byte[] ack = WireCodec.encodePacket("", minimal, List.of(new Ack(1)));

        // docs/wire-format.md, section 2
        assertThat(emptyDelta).hasSize(21);
        assertThat(emptyDigest).hasSize(21);
        assertThat(ack).hasSize(23);
        assertThat(WireCodec.decode(emptyDelta, "", 1400).isOk()).isTrue();
    }

    @Test
    void aWrongChecksumIsBadChecksum() {
        byte[] bytes = ackPacket().sealed();
        bytes[bytes.length - 1] ^= 1;
        assertThat(rejection(bytes)).isEqualTo(Rejection.BAD_CHECKSUM);
        byte[] body = ackPacket().sealed();
        body[10] ^= (byte) 0x80;
        assertThat(rejection(body)).isEqualTo(Rejection.BAD_CHECKSUM);
        // unsealed, as the pre-checksum format was: refused, not parsed
        assertThat(rejection(ackPacket().toArray())).isEqualTo(Rejection.BAD_CHECKSUM);
    }

    @Test
    void magicAndVersionAreCheckedBeforeTheChecksum() {
        byte[] foreign = ackPacket().sealed();
        foreign[0] = 'X';
        byte[] future = ackPacket().sealed();
        future[2] = 2;
        // the checksum is now wrong too, but the reason stays precise for foreign or newer traffic
        assertThat(rejection(foreign)).isEqualTo(Rejection.BAD_MAGIC);
        assertThat(rejection(future)).isEqualTo(Rejection.UNSUPPORTED_VERSION);
    }

    @Test
    void anythingButGvIsBadMagic() {
        byte[] bytes = ackPacket().sealed();
        bytes[1] = 'X';
        assertThat(rejection(bytes)).isEqualTo(Rejection.BAD_MAGIC);
        assertThat(rejection("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Rejection.BAD_MAGIC);
    }

    @Test
    void versionTwoIsUnsupported() {
        byte[] bytes = ackPacket().sealed();
        bytes[2] = 2;
        assertThat(rejection(bytes)).isEqualTo(Rejection.UNSUPPORTED_VERSION);
        bytes[2] = 0;
        assertThat(rejection(bytes)).isEqualTo(Rejection.UNSUPPORTED_VERSION);
    }

    @Test
    void anyFlagBitIsUnknownFlags() {
        byte[] bytes = ackPacket().sealed();
        bytes[3] = 1;
        // flags are checked behind the checksum: unresealed it is BAD_CHECKSUM
        assertThat(rejection(bytes)).isEqualTo(Rejection.BAD_CHECKSUM);
        assertThat(rejection(RawBytes.reseal(bytes))).isEqualTo(Rejection.UNKNOWN_FLAGS);
    }

    @Test
    void anotherClustersLabelIsWrongLabel() {
        byte[] bytes = WireCodec.encodePacket("blue", SENDER, List.of(new Ack(1)));
        assertThat(WireCodec.decode(bytes, "green", 1400))
                .isInstanceOfSatisfying(Decoded.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(Rejection.WRONG_LABEL));
        // labels are compared exactly: no prefix, case or empty-label wildcard
        assertThat(((Decoded.Rejected) WireCodec.decode(bytes, "Blue", 1400)).reason()).isEqualTo(Rejection.WRONG_LABEL);
        assertThat(((Decoded.Rejected) WireCodec.decode(bytes, "", 1400)).reason()).isEqualTo(Rejection.WRONG_LABEL);
    }

    @Test
    void aMailAckWithNoIdsTooManyIdsOrIdZeroIsMalformed() {
        RawBytes noIds = new RawBytes().varint(0);
        RawBytes tooMany = new RawBytes().varint(MailAck.MAX_IDS + 1);
        for (int i = 0; i <= MailAck.MAX_IDS; i++) {
            tooMany.varint(i + 1);
        }
        RawBytes idZero = new RawBytes().varint(1).varint(0);
        for (RawBytes body : List.of(noIds, tooMany, idZero)) {
            byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(MessageType.MAIL_ACK.code(), body).sealed();
            assertThat(rejection(bytes)).isEqualTo(Rejection.MALFORMED);
        }
        byte[] tagZero = RawBytes.packetHeader("c").u8(1).frame(MessageType.MAIL_TAG.code(), new RawBytes().varint(0))
                .sealed();
        assertThat(rejection(tagZero)).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void unassignedTypeCodesAreUnknownType() {
        for (int type : new int[] {0, 25, 29, 127, 255}) {
            byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(type, new RawBytes().i32(7)).sealed();
            assertThat(rejection(bytes)).as("type %d", type).isEqualTo(Rejection.UNKNOWN_TYPE);
        }
    }

    @Test
    void merkleHashRunsMustBeNonEmptyAndMaximalSoEveryEncodingIsCanonical() {
        RawBytes twoRuns = new RawBytes().u8(16).u8(3).varint(2)
                .varint(0).u8(1).varint(0).varint(1).i32(0).i32(1)
                .varint(0).u8(1).varint(1).varint(1).i32(0).i32(2);
        assertThat(rejection(RawBytes.packetHeader("c").u8(1).frame(11, twoRuns).sealed()))
                .as("a run continuing the one before").isEqualTo(Rejection.MALFORMED);
        RawBytes empty = new RawBytes().u8(16).u8(3).varint(1).varint(0).u8(1).varint(0).varint(0).i32(0).i32(0);
        assertThat(rejection(RawBytes.packetHeader("c").u8(1).frame(11, empty).sealed())).isEqualTo(Rejection.MALFORMED);
        RawBytes apart = new RawBytes().u8(16).u8(3).varint(2)
                .varint(0).u8(1).varint(0).varint(1).i32(0).i32(1)
                .varint(0).u8(1).varint(2).varint(1).i32(0).i32(2);
        byte[] packet = RawBytes.packetHeader("c").u8(1).frame(11, apart).sealed();
        Decoded decoded = WireCodec.decode(packet, "c", 1400);
        assertThat(decoded.isOk()).isTrue();
        MerkleHashes hashes = (MerkleHashes) ((Decoded.Ok) decoded).packet().messages().get(0);
        assertThat(hashes.items()).extracting(MerkleHash::index).containsExactly(0, 2);
    }

    @Test
    void bytesAfterTheLastFrameAreTrailingBytes() {
        assertThat(rejection(ackPacket().u8(0).sealed())).isEqualTo(Rejection.TRAILING_BYTES);
    }

    @Test
    void invalidUtf8InANameIsMalformed() {
        byte[][] invalid = {
            {(byte) 0xC3, 0x28},                     // lead byte without continuation
            {(byte) 0xC0, (byte) 0x80},              // overlong NUL
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate (CESU-8)
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xFF},
        };
        for (byte[] name : invalid) {
            byte[] inPing = RawBytes.packetHeader("c").u8(1)
                    .frame(TYPE_PING, new RawBytes().i32(1).u8(name.length).raw(name)).sealed();
            byte[] inSender = new RawBytes().u8s('G', 'V', 1, 0).str8("c").u8(name.length).raw(name)
                    .str8("h").u16(1).varint(1).u8(1).frame(TYPE_ACK, new RawBytes().i32(7)).sealed();
            assertThat(rejection(inPing)).as("ping target %s", RawBytes.hex(name)).isEqualTo(Rejection.MALFORMED);
            assertThat(rejection(inSender)).as("sender %s", RawBytes.hex(name)).isEqualTo(Rejection.MALFORMED);
        }
    }

    @Test
    void statusByteNineIsMalformed() {
        byte[] update = RawBytes.packetHeader("c").u8(1).frame(TYPE_MEMBER_UPDATE, memberUpdateBody(9)).sealed();
        byte[] syncRow = RawBytes.packetHeader("c").u8(1).frame(TYPE_STATE_SYNC, new RawBytes()
                .u8(0).u8(0).varint(0).u8(0).varint(1).node("m", "h", 1, 0).varint(0).u8(9)).sealed();

        assertThat(rejection(update)).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(syncRow)).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void everyStatusOrdinalDecodesAndTheFirstUnusedOneIsMalformed() {
        for (MemberStatus status : MemberStatus.values()) {
            byte[] bytes = RawBytes.packetHeader("c").u8(1)
                    .frame(TYPE_MEMBER_UPDATE, memberUpdateBody(status.ordinal())).sealed();
            assertThat(decode(bytes).isOk()).as("status %s", status).isTrue();
        }
        byte[] bytes = RawBytes.packetHeader("c").u8(1)
                .frame(TYPE_MEMBER_UPDATE, memberUpdateBody(MemberStatus.values().length)).sealed();
        assertThat(rejection(bytes)).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void inputLongerThanTheChannelLimitIsTooLarge() {
        byte[] bytes = ackPacket().sealed();

        assertThat(WireCodec.decode(bytes, "c", bytes.length).isOk()).isTrue();
        assertThat(WireCodec.decode(bytes, "c", bytes.length - 1))
                .isInstanceOfSatisfying(Decoded.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(Rejection.TOO_LARGE));
        // the size check comes first: 2 MB of junk is not even parsed
        assertThat(((Decoded.Rejected) WireCodec.decode(new byte[2_000_000], "c", 1400)).reason())
                .isEqualTo(Rejection.TOO_LARGE);
    }

    @Test
    void aZeroMessageCountIsMalformed() {
        assertThat(rejection(RawBytes.packetHeader("c").u8(0).sealed())).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void aFrameLengthThatDisagreesWithItsBodyIsMalformed() {
        byte[] tooLong = RawBytes.packetHeader("c").u8(1).u8(TYPE_ACK).varint(5).i32(7).u8(0).sealed();
        byte[] tooShort = RawBytes.packetHeader("c").u8(1).u8(TYPE_ACK).varint(3).i32(7).sealed();

        assertThat(rejection(tooLong)).isEqualTo(Rejection.MALFORMED);
        assertThat(rejection(tooShort)).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void emptyOrBlankNamesAreMalformed() {
        for (String name : new String[] {"", " ", "\t \t"}) {
            byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(TYPE_PING, new RawBytes().i32(1).str8(name)).sealed();
            assertThat(rejection(bytes)).as("target '%s'", name).isEqualTo(Rejection.MALFORMED);
        }
    }

    @Test
    void aBooleanOtherThanZeroOrOneIsMalformed() {
        byte[] bytes = RawBytes.packetHeader("c").u8(1)
                .frame(TYPE_STATE_SYNC, new RawBytes().u8(2).u8(0).varint(0).u8(0).varint(0)).sealed();
        assertThat(rejection(bytes)).isEqualTo(Rejection.MALFORMED);
    }

    @Test
    void varintsAboveLongMaxOrLongerThanTenBytesAreMalformed() {
        RawBytes twoToThe63 = new RawBytes().u8s(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
        RawBytes elevenBytes = new RawBytes().u8s(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00);
        RawBytes tenthByteTwo = new RawBytes().u8s(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02);
        for (RawBytes incarnation : List.of(twoToThe63, elevenBytes, tenthByteTwo)) {
            byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(TYPE_MEMBER_UPDATE, new RawBytes()
                    .node("m", "h", 1, 0).raw(incarnation.toArray()).u8(0).str8("o")).sealed();
            assertThat(rejection(bytes)).as(RawBytes.hex(incarnation.toArray())).isEqualTo(Rejection.MALFORMED);
        }
    }

    @Test
    void longMaxValueIsTheLargestAcceptedVarint() {
        MemberUpdate update = new MemberUpdate(new NodeId("m", new Address("h", 1), Long.MAX_VALUE),
                Long.MAX_VALUE, MemberStatus.ALIVE, "o");
        byte[] bytes = WireCodec.encodePacket("c", SENDER, List.of(update));

        assertThat(RawBytes.hex(bytes)).contains("ff ff ff ff ff ff ff ff 7f");
        assertThat(decode(bytes)).isEqualTo(new Decoded.Ok(new Packet(SENDER, List.of(update))));
    }

    @Test
    void aRangeOutsideTheArrayIsTruncatedNotAnException() {
        byte[] bytes = ackPacket().sealed();

        assertThat(((Decoded.Rejected) WireCodec.decode(null, "c", 1400)).reason()).isEqualTo(Rejection.TRUNCATED);
        assertThat(((Decoded.Rejected) WireCodec.decode(bytes, 1, bytes.length, "c", 1400)).reason())
                .isEqualTo(Rejection.TRUNCATED);
        assertThat(((Decoded.Rejected) WireCodec.decode(bytes, -1, 4, "c", 1400)).reason())
                .isEqualTo(Rejection.TRUNCATED);
        assertThat(((Decoded.Rejected) WireCodec.decode(bytes, 2, Integer.MAX_VALUE, "c", Integer.MAX_VALUE)).reason())
                .isEqualTo(Rejection.TRUNCATED);
    }

    @Test
    void aPacketInsideALargerBufferDecodesFromItsOffset() {
        byte[] packet = ackPacket().sealed();
        byte[] buffer = new RawBytes().u8s(0xEE, 0xEE, 0xEE).raw(packet).u8s(0xEE).toArray();

        assertThat(WireCodec.decode(buffer, 3, packet.length, "c", 1400))
                .isEqualTo(new Decoded.Ok(new Packet(SENDER, List.of(new Ack(7)))));
    }

    @Test
    void packetsOfTwoHundredFiftyFiveMessagesRoundTripAndTwoHundredFiftySixAreRefused() {
        List<WireMessage> max = Collections.nCopies(255, new Ack(3));
        byte[] bytes = WireCodec.encodePacket("c", SENDER, max);

        assertThat(decode(bytes)).isEqualTo(new Decoded.Ok(new Packet(SENDER, max)));
        assertThat(catchThrowable(() -> WireCodec.encodePacket("c", SENDER,
                Collections.nCopies(256, new Ack(3))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> WireCodec.encodePacket("c", SENDER, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userEventPayloadLengthIsAVarintAndEmptyPayloadsRoundTrip() {
        UserEvent empty = new UserEvent("o", 0, "deploy", Bytes.EMPTY);
        byte[] bytes = RawBytes.packetHeader("c").u8(1).frame(TYPE_USER_EVENT,
                new RawBytes().str8("o").varint(0).str8("deploy").varint(0)).sealed();

        assertThat(WireCodec.encodePacket("c", SENDER, List.of(empty))).isEqualTo(bytes);
        assertThat(decode(bytes)).isEqualTo(new Decoded.Ok(new Packet(SENDER, List.of(empty))));
    }
}
