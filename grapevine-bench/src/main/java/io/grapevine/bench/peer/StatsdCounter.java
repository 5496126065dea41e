package io.grapevine.bench.peer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A statsd sink for one Serf agent on 127.0.0.1: sums the counters memberlist keeps of the
 * bytes it sends ({@code memberlist.udp.sent}, encrypted datagrams; {@code memberlist.tcp.sent},
 * push-pull streams), whatever prefix go-metrics puts before them.
 */
final class StatsdCounter implements AutoCloseable {
    private final DatagramSocket socket;
    private final DoubleAdder bytesSent = new DoubleAdder();

    StatsdCounter() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread reader = new Thread(this::read, "bench-statsd-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    long bytesSent() {
        return Math.round(bytesSent.sum());
    }

    private void read() {
        byte[] buffer = new byte[65_536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            for (String line : new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8).split("\n")) {
                bytesSent.add(sentBytes(line));
            }
        }
    }

    /** The value of a {@code ...memberlist.(udp|tcp).sent:V|c} line, else 0. */
    static double sentBytes(String line) {
        int colon = line.lastIndexOf(':');
        int bar = line.indexOf('|', colon + 1);
        if (colon < 0 || bar < 0 || !line.startsWith("|c", bar)) {
            return 0;
        }
        String name = line.substring(0, colon);
        if (!name.endsWith("memberlist.udp.sent") && !name.endsWith("memberlist.tcp.sent")) {
            return 0;
        }
        try {
            return Double.parseDouble(line.substring(colon + 1, bar));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
