package io.grapevine.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * The TCP server's child initializer, bound before the runtime exists (the node's identity
 * needs the bound port): connections accepted before the runtime is attached are closed.
 */
@ChannelHandler.Sharable
final class DeferredStreamInitializer extends ChannelInitializer<SocketChannel> {
    private volatile StreamPipeline target;

    void delegateTo(StreamPipeline pipeline) {
        this.target = pipeline;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        StreamPipeline pipeline = target;
        if (pipeline == null) {
            channel.close();
            return;
        }
        channel.pipeline().addLast(pipeline);
    }
}
