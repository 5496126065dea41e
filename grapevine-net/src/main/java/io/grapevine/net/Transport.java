package io.grapevine.net;

import io.grapevine.core.base.Address;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sockets of one node: a UDP channel and a TCP server on the same port, both on one
 * single-threaded Netty event loop. Bind failures surface as {@link IllegalStateException}
 * naming the address.
 */
final class Transport implements AutoCloseable {
    private static final int MAX_DATAGRAM_BYTES = 65_535;
    /**
     * Datagrams read per loop turn before the loop runs its timers and writes: under a flood
     * the probe timers and replies still get their turn after every batch.
     */
    static final int DATAGRAMS_PER_LOOP_TURN = 8;
    /**
     * Where datagrams are read into: one pool (one direct arena of 4 MiB chunks, no thread
     * caches) shared by the nodes of this JVM, so that a datagram costs no allocation of its own.
     * A loop turn holds up to {@link #DATAGRAMS_PER_LOOP_TURN} 64 KiB reads at once, an eighth of
     * a chunk, so a chunk never fills past the pool's first usage band and is never freed and
     * made again (with 512 KiB chunks it was, once per batch). Only the pages reads touch count
     * towards RSS. Reading into a fresh 64 KiB buffer per datagram (the unpooled allocator the
     * lean agent flags choose) zeroed and freed 64 KiB each time: under a garbage flood, most
     * of a datagram's cost and most of the heap's garbage.
     */
    private static final ByteBufAllocator DATAGRAM_READS = new PooledByteBufAllocator(true, 0, 1, 8192, 9, 0, 0, false);
    private static final int MAX_STREAM_CONNECTIONS = 1024;
    private static final int BIND_ATTEMPTS = 8;

    private final EventLoopGroup group;
    private final NetConfig config;
    private final DeferredStreamInitializer streamInitializer = new DeferredStreamInitializer();
    private Channel datagrams;
    private Channel server;
    private InetSocketAddress bound;

    private Transport(NetConfig config) {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("grapevine-" + config.nodeName(), true), NioIoHandler.newFactory());
    }

    static Transport bind(NetConfig config) {
        Transport transport = new Transport(config);
        try {
            transport.bindDatagrams();
            return transport;
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    EventLoop loop() {
        return group.next();
    }

    InetSocketAddress bound() {
        return bound;
    }

    Address advertised() {
        String host = config.advertiseHost().isEmpty() ? bound.getAddress().getHostAddress() : config.advertiseHost();
        int port = config.advertisePort() == 0 ? bound.getPort() : config.advertisePort();
        return new Address(host, port);
    }

    /** Binds UDP first (learning the port when 0 was asked), then TCP on the same port. */
    private void bindDatagrams() {
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            Channel udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.ALLOCATOR, DATAGRAM_READS)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES).maxMessagesPerRead(DATAGRAMS_PER_LOOP_TURN))
                    .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                    .handler(new io.netty.channel.ChannelInboundHandlerAdapter())
                    .bind(config.bindHost(), config.bindPort()).awaitUninterruptibly().channel();
            if (!udp.isActive()) {
                throw new IllegalStateException("cannot bind UDP " + config.bindHost() + ":" + config.bindPort());
            }
            InetSocketAddress local = (InetSocketAddress) udp.localAddress();
            var tcp = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(streamInitializer)
                    .bind(local).awaitUninterruptibly();
            if (tcp.isSuccess()) {
                datagrams = udp;
                server = tcp.channel();
                bound = local;
                return;
            }
            udp.close().awaitUninterruptibly();
            if (config.bindPort() != 0) {
                throw new IllegalStateException("cannot bind TCP " + local + ": " + tcp.cause().getMessage());
            }
        }
        throw new IllegalStateException("no free port for both UDP and TCP on " + config.bindHost());
    }

    /**
     * Installs the runtime's handlers on the bound channels: on each, the decrypt step when
     * {@code opener} is present, then the handler that hands bytes to the runtime. The opener's
     * cipher is shared by every channel, all on this transport's one event loop.
     */
    void attach(NodeRuntime runtime, int maxFrameBytes, Optional<PacketCipher> opener) {
        StreamPipeline pipeline = new StreamPipeline(runtime, maxFrameBytes + 64, opener);
        StreamConnections streams = new StreamConnections(runtime.loop(), pipeline, MAX_STREAM_CONNECTIONS,
                runtime::countDrop);
        opener.ifPresent(cipher -> datagrams.pipeline().addLast(new PacketOpener(cipher, runtime::countDrop)));
        datagrams.pipeline().addLast(new DatagramInbound(runtime));
        streamInitializer.delegateTo(pipeline);
        runtime.loop().execute(() -> runtime.attach(datagrams, streams));
    }

    @Override
    public void close() {
        if (datagrams != null) {
            datagrams.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
