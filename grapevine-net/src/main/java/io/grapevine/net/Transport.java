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
    /**
     * Datagrams read per loop turn before the loop runs its timers and writes: under a flood
     * the probe timers and replies still get their turn after every batch.
     */
    static final int DATAGRAMS_PER_LOOP_TURN = 8;
    private static final int POOL_PAGE_BYTES = 8192;
    private static final int MAX_STREAM_CONNECTIONS = 1024;
    private static final int BIND_ATTEMPTS = 8;

    private final EventLoopGroup group;
    private final NetConfig config;
    /**
     * A datagram read's buffer: the largest datagram this node's members send (its
     * {@code mtuBytes}, sealed) plus one byte, so a longer one shows as filling it and is dropped
     * ({@link DatagramSizeLimit}) instead of being read cut short.
     */
    private final int readBytes;
    /**
     * Where datagrams are read into: a pool of its own (one direct arena, no thread caches), so
     * a datagram costs no allocation of its own. Its chunks hold 64 loop turns' reads, so a turn's
     * reads never fill a chunk past the pool's first usage band and the chunk is never freed and
     * made again. Reading into a fresh 64 KiB buffer per datagram (the unpooled allocator the
     * lean agent flags choose) zeroed and freed 64 KiB each time: under a garbage flood, most of
     * a datagram's cost and most of the heap's garbage.
     */
    private final ByteBufAllocator reads;
    private final DeferredStreamInitializer streamInitializer = new DeferredStreamInitializer();
    private Channel datagrams;
    private Channel server;
    private InetSocketAddress bound;

    private Transport(NetConfig config) {
        this.config = config;
        this.readBytes = config.core().wire().mtuBytes() + PacketCipher.OVERHEAD_BYTES + 1;
        int chunkPages = Integer.highestOneBit(Math.max(1, readBytes * DATAGRAMS_PER_LOOP_TURN * 8 / POOL_PAGE_BYTES) * 2 - 1);
        this.reads = new PooledByteBufAllocator(true, 0, 1, POOL_PAGE_BYTES, Integer.numberOfTrailingZeros(chunkPages),
                0, 0, false);
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
                    .option(ChannelOption.ALLOCATOR, reads)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(readBytes).maxMessagesPerRead(DATAGRAMS_PER_LOOP_TURN))
                    .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                    // not read until attach() has installed the handlers: a datagram read before
                    // then reached the pipeline's end and was discarded, uncounted
                    .option(ChannelOption.AUTO_READ, false)
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
        datagrams.pipeline().addLast(new DatagramSizeLimit(readBytes, runtime::countDrop));
        opener.ifPresent(cipher -> datagrams.pipeline().addLast(new PacketOpener(cipher, runtime::countDrop)));
        datagrams.pipeline().addLast(new DatagramInbound(runtime));
        streamInitializer.delegateTo(pipeline);
        runtime.loop().execute(() -> {
            runtime.attach(datagrams, streams);
            datagrams.config().setAutoRead(true);
        });
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
