package io.grapevine.net;

import io.grapevine.core.wire.WireCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * The datagram pipeline's last handler: hands every received datagram's bytes (plaintext:
 * after {@link PacketOpener} when encryption is on) and sender to the runtime, on its event loop.
 * A datagram that cannot be a packet at a glance ({@link WireCodec#mayBePacket}) is counted as
 * {@link RuntimeDrop#NOT_A_PACKET} and released without being copied: under a garbage flood
 * the junk costs a read and two byte comparisons, not an allocation of its own.
 */
final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {
    private final NodeRuntime runtime;

    DatagramInbound(NodeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int start = content.readerIndex();
        int length = content.readableBytes();
        if (length < 2 || !WireCodec.mayBePacket(length, content.getByte(start), content.getByte(start + 1))) {
            runtime.countDrop(RuntimeDrop.NOT_A_PACKET);
            return;
        }
        runtime.onDatagram(packet.sender(), ByteBufUtil.getBytes(content));
    }

    /**
     * Only socket errors arrive here (e.g. ICMP port unreachable reported on a connectionless
     * socket): the runtime catches what the core throws itself. Counted, logged, and the
     * socket stays open.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        runtime.transportError(RuntimeDrop.DATAGRAM_ERROR, cause);
    }
}
