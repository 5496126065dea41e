package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatagramSizeLimitTest {
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 7000);
    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 7001);
    private final List<RuntimeDrop> drops = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new DatagramSizeLimit(100, drops::add));

    @Test
    void aDatagramThatFillsTheReadBufferIsDroppedAndCounted() {
        DatagramPacket full = new DatagramPacket(Unpooled.wrappedBuffer(new byte[100]), TO, FROM);

        assertThat(channel.writeInbound(full)).isFalse();
        assertThat(full.refCnt()).isZero();
        assertThat(drops).containsExactly(RuntimeDrop.DATAGRAM_TOO_LARGE);
    }

    @Test
    void everythingShorterPassesOnUntouched() {
        DatagramPacket fits = new DatagramPacket(Unpooled.wrappedBuffer(new byte[99]), TO, FROM);

        assertThat(channel.writeInbound(fits)).isTrue();
        assertThat((Object) channel.readInbound()).isSameAs(fits);
        assertThat(drops).isEmpty();
        fits.release();
    }

    @Test
    void aLoopbackNodeDropsADatagramLongerThanItsMtuAndStaysHealthy() throws Exception {
        try (Cluster node = Cluster.builder("mtu").bind("127.0.0.1", 0).plaintext()
                .core(io.grapevine.core.CoreConfig.local()).start();
             java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            byte[] big = new byte[io.grapevine.core.CoreConfig.local().wire().mtuBytes() + 500];
            socket.send(new java.net.DatagramPacket(big, big.length, node.boundAddress()));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    node.metrics().runtimeDrops().getOrDefault(RuntimeDrop.DATAGRAM_TOO_LARGE, 0L) == 1L);
            assertThat(node.members()).hasSize(1);
        }
    }
}
