package io.grapevine.bench.cluster;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.NodeMetrics;
import io.grapevine.net.Cluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark node in its own JVM, driven over stdin by {@link ProcessCluster}. The JVM lives
 * across runs; each run starts a fresh {@link Cluster} in it (new identity, port and key), so
 * a run measures the protocol, not JVM start-up.
 *
 * <p>Commands, one a line; {@code E} is the run number, echoed on every output line so the
 * runner can ignore a previous run's stragglers:
 * <pre>
 * start E NAME BASE64KEY K close any previous node, start a new one with the LAN defaults and
 *                          direct mail to K members (-1: the default)          -&gt; READY E MILLIS PORT
 * join E HOST:PORT          join through that seed (asynchronous)
 * event E NAME              fire a user event with an empty payload
 * put E KEY VALUE           write this node's key
 * leave E                   leave gracefully, then close             -&gt; LEFT E MILLIS
 * metrics E                 traffic counters                          -&gt; METRICS E MILLIS PKTS_OUT BYTES_OUT PKTS_IN BYTES_IN
 * exit                      close and exit
 * </pre>
 * Events: {@code EV E MILLIS STATUS MEMBER STATUS CHANGE ON_WORD_OF}, {@code EV E MILLIS USER NAME},
 * {@code EV E MILLIS KEY OWNER KEY}. MILLIS is {@link System#currentTimeMillis()} when the
 * listener ran (on the node's event thread, just after the protocol loop emitted the event);
 * the runner shares this wall clock, being on the same machine.
 */
public final class NodeMain {
    /** A direct-mail fanout meaning "keep CoreConfig.defaults()'s". */
    static final int CORE_DEFAULT = -1;
    private Cluster cluster;

    private NodeMain() {
    }

    /**
     * Runs commands until {@code exit} or end of input.
     *
     * @param args ignored
     * @throws Exception if a command fails; the runner sees the process end
     */
    public static void main(String[] args) throws Exception {
        new NodeMain().run();
    }

    private void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split(" ");
            if (words[0].equals("exit")) {
                break;
            }
            execute(words);
        }
        closeCluster();
    }

    private void execute(String[] words) throws Exception {
        int e = Integer.parseInt(words[1]);
        switch (words[0]) {
            case "start" -> start(e, words[2], Base64.getDecoder().decode(words[3]), Integer.parseInt(words[4]));
            case "join" -> cluster.join(List.of(words[2]));
            case "event" -> cluster.broadcast(words[2], new byte[0]);
            case "put" -> cluster.put(words[2], words[3].getBytes(StandardCharsets.UTF_8));
            case "leave" -> {
                cluster.leave().get(30, TimeUnit.SECONDS);
                say("LEFT " + e + " " + System.currentTimeMillis());
                closeCluster();
            }
            case "metrics" -> {
                NodeMetrics m = cluster.metrics().core();
                say("METRICS " + e + " " + System.currentTimeMillis() + " " + m.packetsSent() + " " + m.bytesSent()
                        + " " + m.packetsReceived() + " " + m.bytesReceived());
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    private void start(int e, String name, byte[] key, int directMailFanout) {
        closeCluster();
        cluster = Cluster.builder(name).bind("127.0.0.1", 0).encryptionKey(key).core(core(directMailFanout))
                .joinTimeout(Duration.ofSeconds(120)).listener(event -> report(e, event)).start();
        InetSocketAddress bound = cluster.boundAddress();
        say("READY " + e + " " + System.currentTimeMillis() + " " + bound.getPort());
    }

    /** The LAN defaults, with direct mail to {@code directMailFanout} members unless it is {@link #CORE_DEFAULT}. */
    static CoreConfig core(int directMailFanout) {
        return directMailFanout == CORE_DEFAULT ? CoreConfig.defaults()
                : CoreConfig.defaults().withGossip(p -> p.withDirectMailFanout(directMailFanout));
    }

    private void closeCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    private static void report(int e, ClusterEvent event) {
        String what = switch (event.kind()) {
            case MEMBER_CHANGED -> {
                ClusterEvent.MemberChanged changed = (ClusterEvent.MemberChanged) event;
                yield "STATUS " + changed.member().name() + " " + changed.member().status() + " " + changed.change() + " "
                        + changed.onWordOf();
            }
            case USER_EVENT -> "USER " + ((ClusterEvent.UserEventReceived) event).event().name();
            case KEY_CHANGED -> {
                ClusterEvent.KeyChanged changed = (ClusterEvent.KeyChanged) event;
                yield "KEY " + changed.change().owner().name() + " " + changed.change().key();
            }
            case NAME_CONFLICT -> "CONFLICT";
        };
        say("EV " + e + " " + System.currentTimeMillis() + " " + what);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
