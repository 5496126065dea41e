package io.grapevine.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * The datagram pipeline's last handler: hands every received datagram's bytes (plaintext:
 * after {@link PacketOpener} when encryption is on) and sender to the runtime, on its event loop.
 */
final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {
    private final NodeRuntime runtime;

    DatagramInbound(NodeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        runtime.onDatagram(packet.sender(), ByteBufUtil.getBytes(packet.content()));
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
