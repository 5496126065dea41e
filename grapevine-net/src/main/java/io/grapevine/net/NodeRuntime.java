package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.Node;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one core {@link Node} on one Netty event loop: feeds it datagrams and stream frames
 * (decrypted), ticks it at the deadline it asks for, and performs the sends it writes into
 * {@link Outputs}. Every method runs on the loop; the core needs no locks.
 */
final class NodeRuntime implements Outputs {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    private static final long MAX_TICK_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventLoop loop;
    private final Node node;
    private final Optional<PacketCipher> cipher;
    private final EventDispatcher events;
    private final AddressBook addresses = new AddressBook();
    private final Map<RuntimeDrop, Long> drops = new EnumMap<>(RuntimeDrop.class);
    private final RateLimitedLog dropLog = new RateLimitedLog(LOG, TimeUnit.SECONDS.toNanos(10));
    private Channel datagrams;
    private StreamConnections streams;
    private ScheduledFuture<?> tick;
    private long tickDeadline = Long.MAX_VALUE;
    private Runnable afterInput = () -> { };
    private boolean closed;

    NodeRuntime(EventLoop loop, Node node, Optional<PacketCipher> cipher, EventDispatcher events) {
        this.loop = loop;
        this.node = node;
        this.cipher = cipher;
        this.events = events;
    }

    void attach(Channel datagramChannel, StreamConnections streamConnections) {
        this.datagrams = datagramChannel;
        this.streams = streamConnections;
        reschedule();
    }

    Node node() {
        return node;
    }

    EventLoop loop() {
        return loop;
    }

    /** A hook run after every input (join completion checks). */
    void afterInput(Runnable hook) {
        this.afterInput = hook;
    }

    static long now() {
        return System.nanoTime();
    }

    void onDatagram(InetSocketAddress from, byte[] bytes) {
        if (closed) {
            return;
        }
        Optional<byte[]> plain = open(bytes);
        if (plain.isEmpty()) {
            return;
        }
        node.onDatagram(AddressBook.of(from), plain.get(), now(), this);
        inputDone();
    }

    void streamOpened(Channel channel) {
        if (streams != null) {
            streams.remember(channel);
        }
    }

    void onStreamFrame(Channel channel, byte[] bytes) {
        if (closed) {
            return;
        }
        Optional<byte[]> plain = open(bytes);
        if (plain.isEmpty()) {
            return;
        }
        node.onStream(AddressBook.of((InetSocketAddress) channel.remoteAddress()), plain.get(), now(), this);
        inputDone();
    }

    private void onStreamRefused(Address to) {
        if (closed) {
            return;
        }
        node.onStreamRefused(to, now(), this);
        inputDone();
    }

    private Optional<byte[]> open(byte[] bytes) {
        if (cipher.isEmpty()) {
            return Optional.of(bytes);
        }
        Optional<byte[]> plain = cipher.get().open(bytes);
        if (plain.isEmpty()) {
            countDrop(RuntimeDrop.DECRYPT_FAILED);
        }
        return plain;
    }

    /** Runs an application operation on the node, then reschedules. */
    void inputDone() {
        afterInput.run();
        reschedule();
    }

    private void onTick() {
        tick = null;
        tickDeadline = Long.MAX_VALUE;
        if (closed) {
            return;
        }
        long now = now();
        if (node.nextDeadlineNanos() <= now) {
            node.onTick(now, this);
        }
        inputDone();
    }

    private void reschedule() {
        if (closed) {
            return;
        }
        long deadline = node.nextDeadlineNanos();
        if (tick != null && deadline >= tickDeadline) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        long delay = Math.max(0, Math.min(deadline - now(), MAX_TICK_DELAY_NANOS));
        tickDeadline = deadline;
        tick = loop.schedule(this::onTick, delay, TimeUnit.NANOSECONDS);
    }

    @Override
    public void sendDatagram(Address to, byte[] packet) {
        InetSocketAddress target = addresses.resolve(to);
        if (target == null) {
            countDrop(RuntimeDrop.UNRESOLVED);
            return;
        }
        datagrams.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(seal(packet)), target));
    }

    @Override
    public void sendStream(Address to, byte[] packet) {
        InetSocketAddress target = addresses.resolve(to);
        if (target == null) {
            countDrop(RuntimeDrop.UNRESOLVED);
            return;
        }
        streams.send(target, seal(packet), () -> onStreamRefused(to));
    }

    private byte[] seal(byte[] packet) {
        return cipher.isPresent() ? cipher.get().seal(packet) : packet;
    }

    @Override
    public void emit(ClusterEvent event) {
        events.dispatch(event);
    }

    void countDrop(RuntimeDrop reason) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> countDrop(reason));
            return;
        }
        drops.merge(reason, 1L, Long::sum);
        dropLog.warn(reason.name(), "dropped input: {} (total {})", reason, drops.get(reason));
    }

    Map<RuntimeDrop, Long> drops() {
        return new EnumMap<>(drops);
    }

    void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        if (streams != null) {
            streams.closeAll();
        }
    }
}
