package io.grapevine.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.util.function.Consumer;

/**
 * The datagram pipeline's first handler: a datagram that filled the read buffer was longer than
 * the buffer and arrived cut short (the socket drops the rest), so it is released and reported
 * as {@link RuntimeDrop#DATAGRAM_TOO_LARGE} instead of failing later as a bad checksum or a
 * failed decryption. The buffer is one byte longer than the largest datagram this node's
 * {@code mtuBytes} allows, so every datagram a member with the same setting sends fits.
 * Everything else passes on untouched. On the node's event loop.
 */
final class DatagramSizeLimit extends ChannelInboundHandlerAdapter {
    private final int readBytes;
    private final Consumer<RuntimeDrop> drops;

    /**
     * @param readBytes the read buffer's size in bytes
     * @param drops where a drop is reported
     */
    DatagramSizeLimit(int readBytes, Consumer<RuntimeDrop> drops) {
        this.readBytes = readBytes;
        this.drops = drops;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof DatagramPacket packet && packet.content().readableBytes() >= readBytes) {
            packet.release();
            drops.accept(RuntimeDrop.DATAGRAM_TOO_LARGE);
            return;
        }
        ctx.fireChannelRead(message);
    }
}
