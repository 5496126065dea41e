package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decrypt step on its own, in an {@link EmbeddedChannel}: what passes, what is dropped and counted. */
class PacketOpenerTest {
    private static final String LABEL = "prod";
    private static final InetSocketAddress SENDER = new InetSocketAddress("10.0.0.2", 7946);
    private static final InetSocketAddress RECIPIENT = new InetSocketAddress("10.0.0.1", 7946);
    private static final byte[] PLAIN = "ping from node-2".getBytes(StandardCharsets.UTF_8);

    private final List<RuntimeDrop> drops = new ArrayList<>();

    private static byte[] key(int fill) {
        byte[] key = new byte[Keyring.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private EmbeddedChannel openingWith(Keyring keyring) {
        return new EmbeddedChannel(new PacketOpener(new PacketCipher(keyring, LABEL), drops::add));
    }

    private static byte[] sealed(Keyring keyring, String label, byte[] plain) {
        return new PacketCipher(keyring, label).seal(plain);
    }

    private static DatagramPacket datagram(byte[] bytes) {
        // a real buffer even when empty (wrapping no bytes gives the shared EMPTY_BUFFER, never released)
        return new DatagramPacket(Unpooled.buffer(bytes.length).writeBytes(bytes), RECIPIENT, SENDER);
    }

    /** Writes {@code bytes} as a datagram and returns what came out: the plaintext, or null if dropped. */
    private static byte[] passDatagram(EmbeddedChannel channel, byte[] bytes) {
        DatagramPacket in = datagram(bytes);
        channel.writeInbound(in);
        assertThat(in.refCnt()).as("the sealed input is released").isZero();
        DatagramPacket out = channel.readInbound();
        if (out == null) {
            return null;
        }
        try {
            assertThat(out.sender()).isEqualTo(SENDER);
            assertThat(out.recipient()).isEqualTo(RECIPIENT);
            return ByteBufUtil.getBytes(out.content());
        } finally {
            out.release();
        }
    }

    @Test
    void aSealedDatagramPassesThroughAsPlaintextFromTheSameSender() {
        Keyring keyring = Keyring.of(key(1));
        EmbeddedChannel channel = openingWith(keyring);

        assertThat(passDatagram(channel, sealed(keyring, LABEL, PLAIN))).isEqualTo(PLAIN);
        assertThat(drops).isEmpty();
    }

    @Test
    void aSealedStreamFramePassesThroughAsPlaintext() {
        Keyring keyring = Keyring.of(key(1));
        EmbeddedChannel channel = openingWith(keyring);

        channel.writeInbound(Unpooled.wrappedBuffer(sealed(keyring, LABEL, PLAIN)));
        ByteBuf out = channel.readInbound();

        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(PLAIN);
        out.release();
        assertThat(drops).isEmpty();
    }

    @Test
    void aPacketSealedUnderAnotherKeyIsDroppedAndCounted() {
        EmbeddedChannel channel = openingWith(Keyring.of(key(1)));

        assertThat(passDatagram(channel, sealed(Keyring.of(key(2)), LABEL, PLAIN))).isNull();
        assertThat(drops).containsExactly(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void aPacketSealedForAnotherClusterIsDroppedAndCounted() {
        Keyring keyring = Keyring.of(key(1));
        EmbeddedChannel channel = openingWith(keyring);

        assertThat(passDatagram(channel, sealed(keyring, "staging", PLAIN))).isNull();
        assertThat(drops).containsExactly(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void garbageTruncatedAndTamperedInputIsDroppedAndCountedNeverThrown() {
        Keyring keyring = Keyring.of(key(1));
        EmbeddedChannel channel = openingWith(keyring);
        byte[] tampered = sealed(keyring, LABEL, PLAIN);
        tampered[tampered.length - 1] ^= 1;
        byte[] random = new byte[200];
        new SplittableRandom(7).nextBytes(random);
        List<byte[]> junk = List.of(new byte[0], new byte[] {PacketCipher.VERSION},
                Arrays.copyOf(sealed(keyring, LABEL, PLAIN), PacketCipher.OVERHEAD_BYTES - 1),
                Arrays.copyOf(sealed(keyring, LABEL, PLAIN), PacketCipher.OVERHEAD_BYTES + 2), tampered, random);

        for (byte[] bytes : junk) {
            assertThat(passDatagram(channel, bytes)).isNull();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(tampered.clone()));
        assertThat((Object) channel.readInbound()).isNull();

        channel.checkException();
        assertThat(drops).hasSize(junk.size() + 1).containsOnly(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void anOlderInstalledKeyStillOpensAfterRotationUntilItIsRemoved() {
        byte[] old = key(1);
        byte[] next = key(2);
        Keyring lagging = Keyring.of(old); // a member that has not rotated yet
        Keyring rotated = Keyring.of(old);
        rotated.install(next);
        rotated.use(next);
        EmbeddedChannel channel = openingWith(rotated);

        assertThat(passDatagram(channel, sealed(lagging, LABEL, PLAIN))).isEqualTo(PLAIN);
        assertThat(passDatagram(channel, sealed(rotated, LABEL, PLAIN))).isEqualTo(PLAIN);
        assertThat(drops).isEmpty();

        rotated.remove(old);
        assertThat(passDatagram(channel, sealed(lagging, LABEL, PLAIN))).isNull();
        assertThat(drops).containsExactly(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void otherMessagesPassByUntouched() {
        EmbeddedChannel channel = openingWith(Keyring.of(key(1)));

        channel.writeInbound("not a packet");

        assertThat((Object) channel.readInbound()).isEqualTo("not a packet");
        assertThat(drops).isEmpty();
    }
}
