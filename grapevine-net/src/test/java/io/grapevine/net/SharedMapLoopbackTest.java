package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.SharedEntry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared keyspace with real sockets and the persistent store (issue 15 §5): five nodes,
 * rf 3, 10^4 keys written, one node killed, more writes and deletes, the node restarted from
 * its data directory, which serves what it held at once and is repaired by Merkle
 * anti-entropy; the bytes it received are compared with the size of the ranges it holds.
 */
class SharedMapLoopbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int KEYS = 10_000;
    private static final int MORE = 2_000;
    private static final CoreConfig CONFIG = CoreConfig.local()
            .withKeyspace(k -> k.withRepairIntervalNanos(5_000_000_000L));
    private final List<Cluster> nodes = new ArrayList<>();
    @TempDir
    Path data;

    @AfterEach
    void closeAll() {
        nodes.forEach(Cluster::close);
    }

    private Cluster start(String name) {
        Cluster cluster = Cluster.builder(name).plaintext().core(CONFIG).bind("127.0.0.1", 0)
                .dataDirectory(data.resolve(name)).start();
        nodes.add(cluster);
        return cluster;
    }

    private static String seedOf(Cluster cluster) {
        InetSocketAddress bound = cluster.boundAddress();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private static void writeAll(List<Cluster> writers, int from, int to, String version) {
        for (int batch = from; batch < to; batch += 1_000) {
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int k = batch; k < Math.min(to, batch + 1_000); k++) {
                SharedMap map = writers.get(k % writers.size()).sharedMap("data");
                writes.add(map.put("key-" + k, (version + k).getBytes(StandardCharsets.UTF_8)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Keys (full, "data/key-k") whose replicas include {@code name} on the five-node ring, with their final value. */
    private static Map<String, Optional<Bytes>> expectedOn(String name, Map<String, Optional<Bytes>> all) {
        KeyspaceConfig keyspace = CONFIG.keyspace();
        HashRing ring = HashRing.of(List.of("n0", "n1", "n2", "n3", "n4"), keyspace.virtualNodes(),
                keyspace.partitionBits(), keyspace.replicationFactor());
        Map<String, Optional<Bytes>> mine = new TreeMap<>();
        all.forEach((key, value) -> {
            if (ring.isReplica(name, HashRing.partitionOf(Keyspace.hashOf(key), keyspace.partitionBits()))) {
                mine.put(key, value);
            }
        });
        return mine;
    }

    private static boolean holds(Cluster node, Map<String, Optional<Bytes>> expected) {
        Map<String, SharedEntry> held = node.sharedSnapshot();
        for (Map.Entry<String, Optional<Bytes>> e : expected.entrySet()) {
            SharedEntry entry = held.get(e.getKey());
            Optional<Bytes> value = entry == null || entry.tombstone() ? Optional.empty() : Optional.of(entry.value());
            if (!value.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aNodeRestartedFromItsDataDirectoryServesWhatItHeldAndRepairsOnlyWhatItMissed() {
        Cluster seed = start("n0");
        for (int i = 1; i < 5; i++) {
            start("n" + i).join(List.of(seedOf(seed)));
        }
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(c -> c.liveMembers().size() == 5));

        writeAll(nodes, 0, KEYS, "v");
        Map<String, Optional<Bytes>> expected = new TreeMap<>();
        for (int k = 0; k < KEYS; k++) {
            expected.put("data/key-" + k, Optional.of(Bytes.copyOf(("v" + k).getBytes(StandardCharsets.UTF_8))));
        }
        for (int i = 0; i < 5; i++) {
            Cluster node = nodes.get(i);
            Map<String, Optional<Bytes>> mine = expectedOn("n" + i, expected);
            await().atMost(DEADLINE).until(() -> holds(node, mine));
        }
        Cluster victim = nodes.get(3);
        long heldBefore = victim.sharedStats().entries();
        victim.close();
        nodes.remove(victim);

        // more writes, overwrites and deletes while n3 is down
        List<Cluster> survivors = List.copyOf(nodes);
        writeAll(survivors, KEYS, KEYS + MORE, "v");
        writeAll(survivors, 0, 500, "w");
        for (int k = KEYS; k < KEYS + MORE; k++) {
            expected.put("data/key-" + k, Optional.of(Bytes.copyOf(("v" + k).getBytes(StandardCharsets.UTF_8))));
        }
        for (int k = 0; k < 500; k++) {
            expected.put("data/key-" + k, Optional.of(Bytes.copyOf(("w" + k).getBytes(StandardCharsets.UTF_8))));
        }
        List<CompletableFuture<Integer>> deletes = new ArrayList<>();
        for (int k = 500; k < 700; k++) {
            deletes.add(survivors.get(k % 4).sharedMap("data").delete("key-" + k));
            expected.put("data/key-" + k, Optional.empty());
        }
        CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        long started = System.nanoTime();
        Cluster restarted = start("n3");
        assertThat(restarted.sharedStats().entries()).as("served from its data directory").isEqualTo(heldBefore);
        long bytesBefore = restarted.metrics().core().bytesReceived();
        restarted.join(List.of(seedOf(seed)));
        Map<String, Optional<Bytes>> mine = expectedOn("n3", expected);
        await().atMost(DEADLINE).until(() -> holds(restarted, mine));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long received = restarted.metrics().core().bytesReceived() - bytesBefore;
        long rangeBytes = 0;
        for (SharedEntry entry : restarted.sharedSnapshot().values()) {
            rangeBytes += entry.encodedSize();
        }
        System.out.printf("restart-and-repair: %d entries held before, %d after; %d bytes received in %d ms "
                + "(membership included); the ranges held are %d bytes of entries%n", heldBefore,
                restarted.sharedStats().entries(), received, elapsedMillis, rangeBytes);
        assertThat(received).as("repair moved less than the ranges' size").isLessThan(rangeBytes);
        // and every replica of every key holds it
        for (Cluster node : nodes) {
            Map<String, Optional<Bytes>> theirs = expectedOn(node.id().name(), expected);
            await().atMost(DEADLINE).until(() -> holds(node, theirs));
        }
        // any node reads any key
        assertThat(nodes.get(0).sharedMap("data").get("key-1").join()).contains(Bytes.copyOf("w1".getBytes()));
        assertThat(nodes.get(1).sharedMap("data").get("key-600").join()).isEmpty();
        assertThat(nodes.get(2).sharedMap("data").scan("key-1000").join()).containsOnlyKeys("key-1000", "key-10000",
                "key-10001", "key-10002", "key-10003", "key-10004", "key-10005", "key-10006", "key-10007",
                "key-10008", "key-10009");
    }
}
