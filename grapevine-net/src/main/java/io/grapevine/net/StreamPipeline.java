package io.grapevine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every stream connection, inbound or outbound: 4-byte length framing
 * bounded by the stream limit, an idle timeout, and a last handler that hands whole frames
 * to the runtime on its event loop. A frame over the limit closes the connection and is counted.
 */
@ChannelHandler.Sharable
final class StreamPipeline extends ChannelInitializer<SocketChannel> {
    private static final int IDLE_SECONDS = 30;
    private final NodeRuntime runtime;
    private final int maxFrameBytes;

    StreamPipeline(NodeRuntime runtime, int maxFrameBytes) {
        this.runtime = runtime;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast(new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4))
                .addLast(new FrameHandler());
    }

    private final class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            runtime.streamOpened(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            runtime.onStreamFrame(ctx.channel(), ByteBufUtil.getBytes(frame));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            runtime.countDrop(cause instanceof TooLongFrameException
                    ? RuntimeDrop.STREAM_FRAME_TOO_LARGE : RuntimeDrop.STREAM_ERROR);
            ctx.close();
        }
    }
}
