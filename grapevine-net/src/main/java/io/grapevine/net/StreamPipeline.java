package io.grapevine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every stream connection, inbound or outbound: an idle timeout, 4-byte
 * length framing bounded by the stream limit, the decrypt step ({@link PacketOpener}, only
 * when encryption is on), and a last handler that hands whole plaintext frames to the runtime
 * on its event loop. A frame over the limit closes the connection and is counted.
 */
@ChannelHandler.Sharable
final class StreamPipeline extends ChannelInitializer<Channel> {
    private static final int IDLE_SECONDS = 30;
    private final NodeRuntime runtime;
    private final int maxFrameBytes;
    private final Optional<PacketCipher> opener;

    /**
     * @param runtime the runtime frames and errors go to
     * @param maxFrameBytes the longest frame accepted, sealed size
     * @param opener the cipher that opens frames (each connection gets its own
     *               {@link PacketOpener} over it); empty in plaintext mode
     */
    StreamPipeline(NodeRuntime runtime, int maxFrameBytes, Optional<PacketCipher> opener) {
        this.runtime = runtime;
        this.maxFrameBytes = maxFrameBytes;
        this.opener = opener;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline()
                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast(new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4))
                .addLast(new LengthFieldPrepender(4));
        opener.ifPresent(cipher -> pipeline.addLast(new PacketOpener(cipher, runtime::countDrop)));
        pipeline.addLast(new FrameHandler());
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

        /** Only transport errors arrive here: the runtime catches what the core throws itself. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            runtime.transportError(cause instanceof TooLongFrameException
                    ? RuntimeDrop.STREAM_FRAME_TOO_LARGE : RuntimeDrop.STREAM_ERROR, cause);
            ctx.close();
        }
    }
}
