package io.grapevine.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** Hands every received datagram's bytes and sender to the runtime, on its event loop. */
final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {
    private final NodeRuntime runtime;

    DatagramInbound(NodeRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        runtime.onDatagram(packet.sender(), ByteBufUtil.getBytes(packet.content()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a send error on a connectionless socket (e.g. ICMP unreachable): keep the socket open
        runtime.countDrop(RuntimeDrop.DATAGRAM_ERROR);
    }
}
