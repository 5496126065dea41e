package io.grapevine.agent.http;

import static org.awaitility.Awaitility.await;

import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Real Grapevine nodes on loopback (port 0, local profile) and the HTTP APIs over them, closed together. */
final class TestNodes implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<Cluster> clusters = new ArrayList<>();
    private final List<HttpApi> apis = new ArrayList<>();

    /** A started, unjoined plaintext node. */
    Cluster start(String name) {
        return start(name, ClusterBuilder::plaintext);
    }

    /** A started, unjoined node, its builder changed by {@code configure}, which picks plaintext or a key. */
    Cluster start(String name, UnaryOperator<ClusterBuilder> configure) {
        Cluster cluster = configure.apply(Cluster.builder(name).core(CoreConfig.local()).publishView(true)
                .bind("127.0.0.1", 0)).start();
        clusters.add(cluster);
        return cluster;
    }

    /** {@code n} plaintext nodes {@code prefix-0..n-1}, joined through the first, every one seeing all. */
    List<Cluster> joined(String prefix, int n) {
        List<Cluster> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(start(prefix + "-" + i));
        }
        joinAll(nodes);
        return nodes;
    }

    /** Joins every node to the first and waits until each sees all of them live. */
    static void joinAll(List<Cluster> nodes) {
        for (int i = 1; i < nodes.size(); i++) {
            nodes.get(i).join(List.of(seedOf(nodes.get(0))));
        }
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(c -> c.liveMembers().size() == nodes.size()));
    }

    /** An HTTP API over {@code cluster} on a free loopback port. */
    HttpApi api(Cluster cluster) {
        return api(cluster, HttpSettings.defaults().withPort(0));
    }

    /** An HTTP API over {@code cluster} with {@code settings}. */
    HttpApi api(Cluster cluster, HttpSettings settings) {
        HttpApi api = HttpApi.start(cluster, settings);
        apis.add(api);
        return api;
    }

    /** {@code HOST:PORT} of a node's gossip sockets. */
    static String seedOf(Cluster cluster) {
        InetSocketAddress bound = cluster.boundAddress();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    @Override
    public void close() {
        apis.forEach(HttpApi::close);
        clusters.forEach(Cluster::close);
    }
}
