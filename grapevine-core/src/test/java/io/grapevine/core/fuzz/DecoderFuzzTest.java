package io.grapevine.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.Node;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.WireCodec;

/**
 * Coverage-guided fuzzing (Jazzer) of everything a datagram or a stream reaches: the packet
 * decoder must be total (every input is accepted or rejected, none throws), and a node fed any
 * bytes as a datagram or a stream must neither throw nor admit a member on their word. Runs
 * the seed corpus with every build; {@code JAZZER_FUZZ=1} fuzzes (docs/RELIABILITY.md).
 */
class DecoderFuzzTest {
    private static final Outputs NOWHERE = new Outputs() {
        @Override
        public void sendDatagram(Address to, byte[] packet) {
        }

        @Override
        public void sendStream(Address to, byte[] packet) {
        }

        @Override
        public void emit(io.grapevine.core.ClusterEvent event) {
        }
    };

    @FuzzTest(maxDuration = "10s")
    void theDecoderIsTotal(byte[] input) {
        Decoded decoded = WireCodec.decode(input, "", 65_535);
        assertThat(decoded).isNotNull();
        if (decoded instanceof Decoded.Ok ok) {
            // what decodes re-encodes to a packet that decodes the same
            byte[] again = WireCodec.encodePacket("", ok.packet().sender(), ok.packet().messages());
            assertThat(WireCodec.decode(again, "", 65_535)).isEqualTo(decoded);
        }
    }

    /**
     * The fuzzer's bytes as the frames of a packet with a valid header, count and checksum, so
     * mutations reach the frame and body decoders instead of dying at the checksum.
     */
    static byte[] sealed(byte[] frames, int count) {
        byte[] header = WireCodec.header("", new NodeId("f", new Address("10.0.0.3", 7946), 1));
        byte[] packet = new byte[header.length + 1 + frames.length + WireCodec.CHECKSUM_BYTES];
        System.arraycopy(header, 0, packet, 0, header.length);
        packet[header.length] = (byte) Math.max(1, count);
        System.arraycopy(frames, 0, packet, header.length + 1, frames.length);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(packet, 0, packet.length - WireCodec.CHECKSUM_BYTES);
        int sum = (int) crc.getValue();
        int at = packet.length - WireCodec.CHECKSUM_BYTES;
        packet[at] = (byte) (sum >>> 24);
        packet[at + 1] = (byte) (sum >>> 16);
        packet[at + 2] = (byte) (sum >>> 8);
        packet[at + 3] = (byte) sum;
        return packet;
    }

    @FuzzTest(maxDuration = "10s")
    void everyFrameDecoderIsTotal(byte[] frames) {
        int count = frames.length == 0 ? 1 : (frames[0] & 0x03) + 1;
        theDecoderIsTotal(sealed(frames, count));
    }

    @FuzzTest(maxDuration = "10s")
    void aNodeTakesAnyFramesWithoutThrowing(byte[] frames) {
        int count = frames.length == 0 ? 1 : (frames[0] & 0x03) + 1;
        aNodeTakesAnyBytesWithoutThrowing(sealed(frames, count));
    }

    @FuzzTest(maxDuration = "10s")
    void aNodeTakesAnyBytesWithoutThrowing(byte[] input) {
        Node node = new Node(CoreConfig.defaults(), new NodeId("n", new Address("10.0.0.1", 7946), 1),
                new SplitMix64(1), 0);
        Address from = new Address("10.0.0.2", 7946);
        node.onDatagram(from, input, 1_000, NOWHERE);
        node.onStream(from, input, 2_000, NOWHERE);
        node.onTick(3_000_000_000L, NOWHERE);
        // unattributed bytes never put a member in the table: only candidates, which need an answer
        assertThat(node.members()).hasSize(1);
    }
}
