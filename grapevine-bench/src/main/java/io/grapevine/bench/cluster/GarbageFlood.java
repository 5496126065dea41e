package io.grapevine.bench.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A garbage flood: one thread sends datagrams of random bytes (random length in
 * {@value #MIN_BYTES}..{@value #MAX_BYTES}) round-robin to every target as fast as the kernel
 * takes them, from one unconnected UDP socket, until {@link #stop()} or the time limit. Loopback
 * only: every target must be a loopback address. Not thread-safe except {@link #stop()}.
 */
final class GarbageFlood implements AutoCloseable {
    static final int MIN_BYTES = 16;
    static final int MAX_BYTES = 1_400;
    private final List<InetSocketAddress> targets;
    private final long limitMillis;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private volatile long sent;
    private volatile long sendErrors;
    private volatile long startedNanos;
    private volatile long endedNanos;

    /**
     * @param targets the nodes' gossip addresses; each must be a loopback address
     * @param limitMillis the longest the flood may run, whatever {@link #stop()} says
     * @param seed the bytes' seed, so that two runs send the same garbage
     * @throws IllegalArgumentException if a target is not on loopback
     */
    GarbageFlood(List<InetSocketAddress> targets, long limitMillis, long seed) {
        for (InetSocketAddress target : targets) {
            if (target.getAddress() == null || !target.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("the flood only targets loopback addresses: " + target);
            }
        }
        this.targets = List.copyOf(targets);
        this.limitMillis = limitMillis;
        this.thread = new Thread(() -> run(seed), "bench-garbage-flood");
        thread.setDaemon(true);
    }

    /** Starts sending. */
    void start() {
        thread.start();
    }

    private void run(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[MAX_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        startedNanos = System.nanoTime();
        try (DatagramChannel channel = DatagramChannel.open()) {
            int next = 0;
            long count = 0;
            while (!stopped.get() && System.nanoTime() < deadline) {
                for (int i = 0; i < 8; i++) {
                    bytes[random.nextInt(MAX_BYTES)] = (byte) random.nextInt();
                }
                buffer.clear().limit(MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1));
                try {
                    channel.send(buffer, targets.get(next));
                    count++;
                } catch (IOException e) {
                    sendErrors++;
                }
                next = (next + 1) % targets.size();
                if ((count & 1023) == 0) {
                    sent = count;
                }
            }
            sent = count;
        } catch (IOException e) {
            sendErrors++;
        } finally {
            endedNanos = System.nanoTime();
        }
    }

    /** Stops the flood and waits for its thread (at most 5 s). */
    void stop() throws InterruptedException {
        stopped.set(true);
        thread.join(5_000);
    }

    /** Datagrams sent so far. */
    long sent() {
        return sent;
    }

    /** Sends the kernel refused (a full send buffer, an unreachable port). */
    long sendErrors() {
        return sendErrors;
    }

    /** Datagrams per second over the flood's run, once stopped. */
    double ratePerSecond() {
        double seconds = (endedNanos - startedNanos) / 1e9;
        return seconds > 0 ? sent / seconds : 0;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
