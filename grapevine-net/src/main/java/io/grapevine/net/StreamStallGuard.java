package io.grapevine.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closes an outbound stream connection that has received no byte within {@link #STALL_SECONDS}
 * of the first write since it last received one. Such a connection is stalled: the path to the
 * peer was cut while data was in flight, and TCP keeps the connection open and retransmits with
 * exponential backoff, so after the path heals the queued repair and sync messages wait for the
 * next retransmission (about 10 s after a 15 s cut, longer after a longer one) or for TCP to give
 * up (many minutes). Closed, the next message opens a new connection at once. Almost every stream
 * message asks for a reply; a one-way message on a healthy connection costs at most a reconnect.
 * One timer per unanswered write, none while idle. Counted as {@link RuntimeDrop#STREAM_STALLED}.
 * One instance per channel; confined to the channel's event loop.
 */
final class StreamStallGuard extends ChannelDuplexHandler {
    /** Seconds a write may go unanswered before the connection is closed. */
    static final int STALL_SECONDS = 5;
    private final Consumer<RuntimeDrop> drops;
    /** The pending verdict on the first unanswered write; null while nothing is awaited. */
    private ScheduledFuture<?> verdict;

    /** @param drops where a stalled connection is counted */
    StreamStallGuard(Consumer<RuntimeDrop> drops) {
        this.drops = drops;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (verdict == null) {
            verdict = ctx.executor().schedule(() -> stalled(ctx), STALL_SECONDS, TimeUnit.SECONDS);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        cancelVerdict();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelVerdict();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelVerdict();
    }

    private void cancelVerdict() {
        if (verdict != null) {
            verdict.cancel(false);
            verdict = null;
        }
    }

    private void stalled(ChannelHandlerContext ctx) {
        verdict = null;
        if (ctx.channel().isActive()) {
            drops.accept(RuntimeDrop.STREAM_STALLED);
            ctx.close();
        }
    }
}
