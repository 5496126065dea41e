package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import java.nio.charset.StandardCharsets;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The encoder's side of the contract: it never emits bytes that decode to something other
 * than what it was given. Values the format cannot carry are refused with
 * {@link IllegalArgumentException} (our misuse fails fast), never written corrupted.
 */
class WireEncoderContractTest {
    private static final Address HOST = new Address("h", 7946);

    // ---- strings ----------------------------------------------------------------------------

    @Test
    void aNodeNameOfMoreThan255Utf8BytesIsRefusedNotWrapped() {
        // 200 chars are 400 UTF-8 bytes: the one-byte length would wrap to 144, so the
        // identity itself refuses them, before any encoder sees them
        assertThatThrownBy(() -> new NodeId("\u00e9".repeat(200), HOST, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255 UTF-8 bytes");
        assertThatThrownBy(() -> new Address("\u00e9".repeat(128), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @Test
    void aNodeNameOfExactly255Utf8BytesRoundTrips() {
        NodeId widest = new NodeId("\u00e9".repeat(127) + "x", new Address("\u4e2d".repeat(85), 1), 1);
        byte[] bytes = WireCodec.encodePacket("c", widest, List.of(new Ack(1)));

        assertThat(WireCodec.decode(bytes, "c", 1400)).isEqualTo(new Decoded.Ok(new Packet(widest, List.of(new Ack(1)))));
    }

    @Test
    void aNameThatWouldWrapTheLengthByteCannotSmuggleFrames() {
        // before the fix such a name encoded, and the receiver decoded sender "a" with a forged
        // "v is DEAD" update and a user event swallowing the real rest of the packet
        assertThat(smugglingName().getBytes(StandardCharsets.UTF_8)).hasSize(257);
        assertThatThrownBy(() -> new NodeId(smugglingName(), HOST, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpairedSurrogatesAreRefusedNotReplacedByQuestionMarks() {
        assertThatThrownBy(() -> new Ping(1, "x\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetName");
        assertThatThrownBy(() -> new UserEvent("o", 1, "\uDC00y", Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> WireCodec.header("\uD800", WireCodecRejectionTest.SENDER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> WireCodec.header("c", new NodeId("n\uDBFF", HOST, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }

    @Test
    void pairedSurrogatesAreFine() {
        Ping ping = new Ping(1, "\uD83C\uDF47"); // U+1F347 GRAPES, 4 UTF-8 bytes
        byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, List.of(ping));

        assertThat(WireCodec.decode(bytes, "c", 1400))
                .isEqualTo(new Decoded.Ok(new Packet(WireCodecRejectionTest.SENDER, List.of(ping))));
    }

    // ---- names ------------------------------------------------------------------------------

    @Test
    void blankNamesAreRefusedAtConstructionBecauseTheDecoderRejectsThem() {
        assertThatThrownBy(() -> new Ping(1, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetName");
        assertThatThrownBy(() -> new MemberUpdate(WireCodecRejectionTest.SENDER, 0, MemberStatus.ALIVE, "\t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
        assertThatThrownBy(() -> new UserEvent(" \t", 0, "e", Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
        assertThatThrownBy(() -> new UserEvent("o", 0, "\u2003", Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void namesWithInnerOrNonBreakingSpacesRoundTrip() {
        // String.isBlank, used on both sides, does not count U+00A0 as whitespace
        List<WireMessage> messages = List.of(new Ping(1, " a b "), new Ping(2, "\u00a0"));
        byte[] bytes = WireCodec.encodePacket("c", WireCodecRejectionTest.SENDER, messages);

        assertThat(WireCodec.decode(bytes, "c", 1400))
                .isEqualTo(new Decoded.Ok(new Packet(WireCodecRejectionTest.SENDER, messages)));
    }

    // ---- numbers ----------------------------------------------------------------------------

    @Test
    void aNegativeGenerationIsRefusedNotSentAsATenByteVarint() {
        assertThatThrownBy(() -> new NodeId("a", HOST, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generation").hasMessageContaining("-5");
    }

    @Test
    void generationZeroAndLongMaxRoundTrip() {
        for (long generation : new long[] {0, Long.MAX_VALUE}) {
            NodeId id = new NodeId("a", HOST, generation);
            byte[] bytes = WireCodec.encodePacket("c", id, List.of(new PingReq(1, id)));
            assertThat(WireCodec.decode(bytes, "c", 1400))
                    .isEqualTo(new Decoded.Ok(new Packet(id, List.of(new PingReq(1, id)))));
        }
    }

    // ---- the contract as a property ---------------------------------------------------------

    /**
     * Anything the records and the encoder accept decodes to an equal packet, over strings of
     * any chars (blank, unpaired surrogates, 255+ UTF-8 bytes) and generations of any sign.
     */
    @Test
    void whateverTheEncoderAcceptsDecodesToAnEqualPacket() {
        Gen<Inputs> inputs = anyStrings().zip(anyStrings(), anyStrings(), anyStrings(), Gens.anyLong(), Inputs::new)
                .describedAs(Inputs::describe);
        Properties.qt(1000).forAll(inputs).checkAssert(in -> {
            byte[] bytes;
            NodeId sender;
            List<WireMessage> messages;
            try {
                sender = new NodeId(in.name(), new Address(in.host(), 7946), in.generation());
                messages = List.of(new Ping(5, in.target()), new PingReq(6, sender));
                bytes = WireCodec.encodePacket(in.label(), sender, messages);
            } catch (IllegalArgumentException refused) {
                return;
            }
            assertThat(WireCodec.decode(bytes, in.label(), Integer.MAX_VALUE))
                    .isEqualTo(new Decoded.Ok(new Packet(sender, messages)));
        });
    }

    /** One example of the contract property. */
    private record Inputs(String name, String host, String label, String target, long generation) {
        String describe() {
            return "name=" + Gens.quoted(name) + ", host=" + Gens.quoted(host) + ", label=" + Gens.quoted(label)
                    + ", target=" + Gens.quoted(target) + ", generation=" + generation;
        }
    }

    private static Gen<String> anyStrings() {
        return Generate.oneOf(
                Gens.strings(Gens.anyChar(), 0, 300),
                Gens.strings(Gens.charsOf("\u00e9\u4e2dab \t"), 80, 255),
                Gens.strings(Gens.charsOf("\uD800\uDC00x \t"), 0, 6));
    }

    /**
     * A 257-byte name whose wrapped length byte (257 mod 256 = 1) makes the receiver read
     * name "a" and then parse the rest of the name as host, port, generation, count and two
     * frames; the second frame's payload swallows the packet's real tail (12 bytes for an
     * ack from {@code h:7946#1} with label "").
     */
    private static String smugglingName() {
        int realTail = 2 + 2 + 1 + 1 + 6;
        RawBytes head = new RawBytes().u8('a')
                .str8("\u00e9".repeat(63))                          // host: 126 bytes
                .u16(1).varint(0).u8(2)                             // port, generation, count
                .frame(MessageType.MEMBER_UPDATE.code(), new RawBytes().node("v", "h", 1, 0).varint(9)
                        .u8(MemberStatus.DEAD.ordinal()).str8("a"));
        RawBytes eventHead = new RawBytes().str8("\u00e9".repeat(25)).varint(1).str8("n");
        int fixed = head.toArray().length + 2 + eventHead.toArray().length + 1;
        int padding = 257 - fixed;
        byte[] event = eventHead.varint(padding + realTail).raw("x".repeat(padding).getBytes(StandardCharsets.US_ASCII))
                .toArray();
        byte[] name = head.u8(MessageType.USER_EVENT.code()).u8(event.length + realTail).raw(event).toArray();
        return new String(name, StandardCharsets.UTF_8);
    }
}
