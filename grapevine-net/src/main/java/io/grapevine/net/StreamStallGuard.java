package io.grapevine.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closes an outbound stream connection that has gone {@link #STALL_CHECKS} checks (one a
 * second) without receiving a byte since this node last wrote to it. Such a connection is
 * stalled: the path to the peer was cut while data was in flight, and TCP keeps the connection
 * open and retransmits with exponential backoff, so after the path heals the queued repair and
 * sync messages wait for the next retransmission (about 10 s after a 15 s cut, longer after a
 * longer one) or for TCP to give up (many minutes). Closed, the next message opens a new
 * connection at once. Almost every stream message asks for a reply; a one-way message on a
 * healthy connection costs at most a reconnect. Counted as {@link RuntimeDrop#STREAM_STALLED}.
 * One instance per channel; confined to the channel's event loop.
 */
final class StreamStallGuard extends ChannelDuplexHandler {
    /** Checks (one a second) a write may go unanswered before the connection is closed: 4–5 s. */
    static final int STALL_CHECKS = 5;
    private final Consumer<RuntimeDrop> drops;
    private boolean awaitingReply;
    private int checksSinceWrite;
    private ScheduledFuture<?> checks;

    /** @param drops where a stalled connection is counted */
    StreamStallGuard(Consumer<RuntimeDrop> drops) {
        this.drops = drops;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        checks = ctx.executor().scheduleAtFixedRate(() -> check(ctx), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!awaitingReply) {
            awaitingReply = true;
            checksSinceWrite = 0;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        awaitingReply = false;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (checks != null) {
            checks.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void check(ChannelHandlerContext ctx) {
        if (awaitingReply && ctx.channel().isActive() && ++checksSinceWrite >= STALL_CHECKS) {
            drops.accept(RuntimeDrop.STREAM_STALLED);
            ctx.close();
        }
    }
}
