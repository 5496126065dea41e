package io.grapevine.agent.run;

import io.grapevine.net.Cluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Part of the start-up {@link Rehearsal}: a burst of junk datagrams sent to a throwaway
 * loopback node, so that the paths that drop junk (the copy-free glance, the decoder's and the
 * cipher's rejections, the drop counters) are compiled before a real flood needs them. Without
 * it the first half second of a garbage flood ran them interpreted, and probe round trips
 * spiked to 150-400 ms before settling at 20-40 ms. Three kinds, {@value #PER_KIND} each:
 * random bytes, bytes behind the packet magic (they reach the checksum), and bytes behind the
 * sealed format's version byte (they reach AES-GCM when the node encrypts). Called on the
 * starting thread; every wait bounded by the deadline.
 */
final class JunkBurst {
    static final int PER_KIND = 700;
    private static final int MAX_BYTES = 1_400;

    private JunkBurst() {
    }

    /**
     * Sends the burst to {@code target} and waits until it counted every datagram as dropped or
     * {@code deadlineNanos} ({@link System#nanoTime()}) passed.
     *
     * @return whether every datagram was counted in time
     * @throws IOException if the datagram socket cannot be opened
     */
    static boolean send(Cluster target, long deadlineNanos) throws IOException {
        long before = target.metrics().totalDrops();
        SplittableRandom random = new SplittableRandom(0x6A756E6BL);
        byte[] bytes = new byte[MAX_BYTES];
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", target.boundAddress().getPort());
        int sent = 0;
        try (DatagramChannel channel = DatagramChannel.open()) {
            for (int kind = 0; kind < 3; kind++) {
                for (int i = 0; i < PER_KIND; i++) {
                    random.nextBytes(bytes);
                    switch (kind) {
                        case 0 -> bytes[0] = (byte) ('G' + 1 + random.nextInt(100));
                        case 1 -> {
                            bytes[0] = 'G';
                            bytes[1] = 'V';
                            bytes[2] = 1;
                        }
                        default -> bytes[0] = 1;
                    }
                    channel.send(ByteBuffer.wrap(bytes, 0, 32 + random.nextInt(MAX_BYTES - 32)), to);
                    sent++;
                }
                // paced by kind, so that the socket buffer never overflows and every datagram is counted
                if (!counted(target, before + sent, deadlineNanos)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean counted(Cluster target, long expected, long deadlineNanos) {
        for (int polls = 0; polls < 10_000 && System.nanoTime() < deadlineNanos; polls++) {
            if (target.metrics().totalDrops() >= expected) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return false;
    }
}
