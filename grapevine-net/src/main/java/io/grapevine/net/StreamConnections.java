package io.grapevine.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TCP connections for stream messages, keyed by the remote socket address. A reply goes back
 * on the connection the request came in on (so a peer behind an ephemeral port is reachable);
 * otherwise a connection to the member's advertised address is opened, reused while it
 * lives and closed when idle or stalled ({@link StreamStallGuard}). Bounded. Confined to the event loop.
 */
final class StreamConnections {
    private final EventLoop loop;
    private final StreamPipeline pipeline;
    private final int maxConnections;
    private final Consumer<RuntimeDrop> drops;
    private final Map<InetSocketAddress, ChannelFuture> open = new LinkedHashMap<>();

    StreamConnections(EventLoop loop, StreamPipeline pipeline, int maxConnections, Consumer<RuntimeDrop> drops) {
        this.loop = loop;
        this.pipeline = pipeline;
        this.maxConnections = maxConnections;
        this.drops = drops;
    }

    /** Registers an inbound connection so replies to its peer use it. */
    void remember(Channel channel) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        if (remote != null && !open.containsKey(remote)) {
            open.put(remote, channel.newSucceededFuture());
            channel.closeFuture().addListener(f -> open.remove(remote));
        }
    }

    /**
     * Writes {@code frame} to {@code to}, connecting first if needed. If the connection is
     * actively refused (a reset: nothing listens there, as opposed to a timeout), {@code onRefused}
     * runs on the event loop.
     */
    void send(InetSocketAddress to, byte[] frame, Runnable onRefused) {
        ChannelFuture connection = open.get(to);
        if (connection == null || (connection.isDone() && !connection.channel().isActive())) {
            if (open.size() >= maxConnections) {
                drops.accept(RuntimeDrop.TOO_MANY_CONNECTIONS);
                return;
            }
            connection = connect(to);
        }
        connection.addListener((ChannelFuture f) -> {
            if (f.isSuccess() && f.channel().isActive()) {
                f.channel().writeAndFlush(Unpooled.wrappedBuffer(frame));
            } else {
                drops.accept(RuntimeDrop.STREAM_ERROR);
                if (isRefusal(f.cause())) {
                    onRefused.run();
                }
            }
        });
    }

    /** A refused connection; a connect timeout (also a {@link ConnectException}) is not one. */
    static boolean isRefusal(Throwable cause) {
        return cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException);
    }

    private ChannelFuture connect(InetSocketAddress to) {
        ChannelFuture future = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new StreamStallGuard(drops), pipeline);
                    }
                })
                .connect(to);
        open.put(to, future);
        future.channel().closeFuture().addListener(f -> open.remove(to, future));
        return future;
    }

    void closeAll() {
        for (ChannelFuture future : open.values()) {
            future.channel().close();
        }
        open.clear();
    }
}
