package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A cluster node in its own JVM, for multi-process loopback tests. Arguments: name, base64
 * key, then optional seeds. Prints {@code READY host:port}, then one line per event
 * ({@code STATUS name status}, {@code USER name}, {@code LIVE n}); reads commands from stdin:
 * {@code broadcast NAME}, {@code leave}, {@code exit}.
 */
public final class NodeProcessMain {
    private NodeProcessMain() {
    }

    /**
     * Runs the node until stdin closes or {@code exit}.
     *
     * @throws Exception if the node cannot start or a command fails
     */
    public static void main(String[] args) throws Exception {
        String name = args[0];
        byte[] key = Base64.getDecoder().decode(args[1]);
        List<String> seeds = List.of(args).subList(2, args.length);
        Cluster[] self = new Cluster[1];
        Cluster cluster = Cluster.builder(name).bind("127.0.0.1", 0).encryptionKey(key).core(CoreConfig.local())
                .listener(event -> report(event, self)).start();
        self[0] = cluster;
        InetSocketAddress bound = cluster.boundAddress();
        say("READY " + bound.getAddress().getHostAddress() + ":" + bound.getPort());
        if (!seeds.isEmpty()) {
            cluster.join(seeds);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("broadcast ")) {
                cluster.broadcast(line.substring(10), new byte[0]);
            } else if (line.equals("leave")) {
                cluster.leave().get();
                say("LEFT");
            } else if (line.equals("exit")) {
                break;
            }
        }
        cluster.close();
    }

    private static void report(ClusterEvent event, Cluster[] self) {
        if (event instanceof ClusterEvent.MemberChanged changed) {
            say("STATUS " + changed.member().name() + " " + changed.member().status());
            if (self[0] != null) {
                say("LIVE " + self[0].liveMembers().size());
            }
        } else if (event instanceof ClusterEvent.UserEventReceived user) {
            say("USER " + user.event().name());
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
