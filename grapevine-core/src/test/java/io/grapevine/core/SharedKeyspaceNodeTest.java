package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.repair.SharedOpKind;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.repair.SharedOpStatus;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.wire.SharedEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared keyspace end to end on the fixture network (virtual time, fixed seeds): writes
 * mailed to the key's replicas with acknowledgements, reads from a replica, Merkle repair of
 * lost writes, and repair at once of the ranges a new member takes over.
 */
class SharedKeyspaceNodeTest {
    private static final long SECOND = 1000 * MS;
    private long nextOp = 1;

    private static TestNetwork converged(CoreConfig config, int n, long seed) {
        return TestNetwork.converged(config, n, seed);
    }

    private long put(TestNetwork net, Node node, String key, String value) {
        long op = nextOp++;
        node.shared().put(op, key, value.getBytes(), net.now, net.outputs(node.self().address()));
        return op;
    }

    private SharedOpResult await(TestNetwork net, long op) {
        assertThat(net.runUntil(net.now + 5 * SECOND, x -> x.sharedResults.containsKey(op))).isTrue();
        return net.sharedResults.get(op);
    }

    private static boolean replicated(TestNetwork net, int keys) {
        return replicated(net, java.util.stream.IntStream.range(0, keys).boxed().toList());
    }

    /**
     * True when every replica of every key {@code key-k} for k in {@code keys} holds value
     * {@code vk}, the replicas being those of the ring of every node in the network.
     */
    private static boolean replicated(TestNetwork net, List<Integer> keys) {
        KeyspaceConfig keyspace = net.nodes().get(0).config().keyspace();
        HashRing ring = HashRing.of(net.nodes().stream().map(n -> n.self().name()).toList(), keyspace.virtualNodes(),
                keyspace.partitionBits(), keyspace.replicationFactor());
        for (int k : keys) {
            String key = "key-" + k;
            for (String replica : ring.replicas(net.nodes().get(0).shared().data().partitionOf(key))) {
                Node node = net.nodes().stream().filter(n -> n.self().name().equals(replica)).findFirst().orElseThrow();
                Optional<SharedEntry> held = node.shared().local(key);
                if (held.isEmpty() || !held.get().value().equals(Bytes.copyOf(("v" + k).getBytes()))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aWriteReachesItsReplicasAndAnyNodeReadsItBack() {
        TestNetwork net = converged(CoreConfig.defaults().withKeyspace(k -> k.withWriteAcks(2)), 5, 1);
        Node writer = net.nodes().get(2);
        long op = put(net, writer, "key-0", "v0");
        SharedOpResult written = await(net, op);
        assertThat(written.status()).isEqualTo(SharedOpStatus.OK);
        assertThat(written.acks()).isGreaterThanOrEqualTo(2);
        assertThat(net.runUntil(net.now + SECOND, x -> replicated(x, 1))).isTrue();
        for (Node reader : net.nodes()) {
            long get = nextOp++;
            reader.shared().get(get, "key-0", net.now, net.outputs(reader.self().address()));
            SharedOpResult read = await(net, get);
            assertThat(read.status()).isEqualTo(SharedOpStatus.OK);
            assertThat(read.entries()).singleElement().satisfies(e -> assertThat(e.value())
                    .isEqualTo(Bytes.copyOf("v0".getBytes())));
        }
        // exactly rf = 3 nodes hold it
        assertThat(net.nodes().stream().filter(n -> n.shared().local("key-0").isPresent()).count()).isEqualTo(3);
    }

    @Test
    void aDeleteIsReadAsAbsentAndAScanListsTheLiveKeys() {
        TestNetwork net = converged(CoreConfig.defaults(), 5, 2);
        Node node = net.nodes().get(0);
        for (int k = 0; k < 20; k++) {
            await(net, put(net, node, "map/k" + k, "v" + k));
        }
        long delete = nextOp++;
        net.nodes().get(3).shared().delete(delete, "map/k7", net.now, net.outputs(net.nodes().get(3).self().address()));
        assertThat(await(net, delete).kind()).isEqualTo(SharedOpKind.DELETE);
        net.runUntil(net.now + 100 * MS, x -> false);
        long get = nextOp++;
        node.shared().get(get, "map/k7", net.now, net.outputs(node.self().address()));
        assertThat(await(net, get).entries()).isEmpty();
        long scan = nextOp++;
        net.nodes().get(4).shared().scan(scan, "map/", net.now, net.outputs(net.nodes().get(4).self().address()));
        SharedOpResult listed = await(net, scan);
        assertThat(listed.status()).isEqualTo(SharedOpStatus.OK);
        assertThat(listed.complete()).isTrue();
        assertThat(listed.entries()).hasSize(19).noneMatch(e -> e.key().equals("map/k7"));
    }

    /**
     * A scan asks one replica of every range: with 20 % of the datagrams lost, both ways, a scan
     * whose requests or answers were each sent once failed most of the time (the netns harness's
     * {@code SCAN TIMEOUT}s). Unanswered requests are resent, so every scan completes.
     */
    @Test
    void scansCompleteWhileAFifthOfTheDatagramsAreLost() {
        TestNetwork net = converged(CoreConfig.defaults(), 5, 2);
        Node node = net.nodes().get(0);
        for (int k = 0; k < 20; k++) {
            await(net, put(net, node, "map/k" + k, "v" + k));
        }
        net.runUntil(net.now + SECOND, x -> false);
        net.loss = 0.2;
        Node scanner = net.nodes().get(4);
        for (int i = 0; i < 20; i++) {
            long scan = nextOp++;
            scanner.shared().scan(scan, "map/", net.now, net.outputs(scanner.self().address()));
            SharedOpResult listed = await(net, scan);
            assertThat(listed.status()).as("scan %d", i).isEqualTo(SharedOpStatus.OK);
            assertThat(listed.entries()).as("scan %d", i).hasSize(20);
        }
    }

    @Test
    void writesLostOnTheNetworkAreRepairedByMerkleAntiEntropy() {
        TestNetwork net = converged(CoreConfig.defaults(), 5, 3);
        net.loss = 0.6;
        Node writer = net.nodes().get(1);
        List<Long> ops = new java.util.ArrayList<>();
        for (int k = 0; k < 300; k++) {
            ops.add(put(net, writer, "key-" + k, "v" + k));
        }
        net.runUntil(net.now + 3 * SECOND, x -> ops.stream().allMatch(x.sharedResults::containsKey));
        net.loss = 0;
        // a write that reached no replica timed out (the coordinator is not always one): it is nowhere
        List<Integer> acknowledged = new java.util.ArrayList<>();
        for (int k = 0; k < 300; k++) {
            if (net.sharedResults.get(ops.get(k)).status() == SharedOpStatus.OK) {
                acknowledged.add(k);
            }
        }
        assertThat(acknowledged.size()).isBetween(100, 299);
        assertThat(net.runUntil(net.now + 30 * SECOND, x -> replicated(x, acknowledged))).isTrue();
        long repaired = net.nodes().stream().mapToLong(n -> n.shared().entriesRepaired()).sum();
        assertThat(repaired).isPositive();
    }

    @Test
    void aNewMemberGetsTheRangesItTakesOverAtOnceWithoutPeriodicRepair() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withRepairIntervalNanos(0));
        TestNetwork net = converged(config, 4, 4);
        Node writer = net.nodes().get(0);
        for (int k = 0; k < 200; k++) {
            put(net, writer, "key-" + k, "v" + k);
        }
        assertThat(net.runUntil(net.now + SECOND, x -> replicated(x, 200))).isTrue();
        Node newcomer = net.add("n4");
        newcomer.join(List.of(writer.self().address()), net.now, net.outputs(newcomer.self().address()));
        assertThat(net.runUntil(net.now + 20 * SECOND, x -> x.nodes().stream().allMatch(y -> y.liveMemberCount() == 5)))
                .isTrue();
        boolean ok = net.runUntil(net.now + 10 * SECOND, x -> replicated(x, 200));
        assertThat(ok).isTrue();
        assertThat(newcomer.shared().data().size()).isPositive();
    }

    /**
     * The two members of a 2-vs-3 cut each hold the other three dead, so each range's replicas are
     * the two of them and their writes are acknowledged there; after the heal many of those ranges
     * belong to the other three alone. Those writes must reach them.
     */
    @Test
    void writesAcknowledgedByTheMinorityOfAPartitionReachTheReplicasTheRangesReturnTo() {
        TestNetwork net = converged(CoreConfig.defaults(), 5, 6);
        List<Node> minority = net.nodes().subList(0, 2);
        List<Node> majority = net.nodes().subList(2, 5);
        for (Node a : minority) {
            for (Node b : majority) {
                net.cut(a, b);
                net.cut(b, a);
            }
        }
        assertThat(net.runUntil(net.now + 60 * SECOND, x -> minority.stream().allMatch(y -> y.liveMemberCount() == 2)))
                .isTrue();
        Node writer = minority.get(0);
        List<Long> ops = new java.util.ArrayList<>();
        for (int k = 0; k < 100; k++) {
            ops.add(put(net, writer, "key-" + k, "v" + k));
        }
        assertThat(net.runUntil(net.now + 5 * SECOND, x -> ops.stream().allMatch(x.sharedResults::containsKey))).isTrue();
        assertThat(ops).allMatch(op -> net.sharedResults.get(op).status() == SharedOpStatus.OK);
        net.healAll();
        assertThat(net.runUntil(net.now + 120 * SECOND, x -> x.nodes().stream().allMatch(y -> y.liveMemberCount() == 5)))
                .isTrue();
        assertThat(net.runUntil(net.now + 30 * SECOND, x -> replicated(x, 100))).isTrue();
    }

    @Test
    void aClosedLoopRingRepairAloneMakesARangesReplicasIdenticalAndVerifiesIt() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withRepairIntervalNanos(0).withPartitionBits(0)
                .withReplicationFactor(4));
        TestNetwork net = converged(config, 5, 6);
        // the first views of the ring repair at once: let that settle, then lose writes
        net.runUntil(net.now + 2 * SECOND, x -> false);
        net.loss = 0.5;
        Node writer = net.nodes().get(0);
        List<Long> ops = new java.util.ArrayList<>();
        for (int k = 0; k < 100; k++) {
            ops.add(put(net, writer, "key-" + k, "v" + k));
        }
        net.runUntil(net.now + 3 * SECOND, x -> ops.stream().allMatch(x.sharedResults::containsKey));
        net.loss = 0;
        List<Integer> acknowledged = new java.util.ArrayList<>();
        for (int k = 0; k < 100; k++) {
            if (net.sharedResults.get(ops.get(k)).status() == SharedOpStatus.OK) {
                acknowledged.add(k);
            }
        }
        Node origin = net.nodes().get(2);
        origin.shared().startRingRepair(net.now, net.outputs(origin.self().address()));
        assertThat(net.runUntil(net.now + 10 * SECOND, x -> !x.ringRepairs.isEmpty())).isTrue();
        io.grapevine.core.repair.RingRepairReport report = net.ringRepairs.get(0);
        assertThat(report.origin()).isEqualTo("n2");
        assertThat(report.walk()).hasSize(4).startsWith("n2");
        assertThat(report.steps()).isEqualTo(5);
        assertThat(report.verified()).isTrue();
        assertThat(replicated(net, acknowledged)).isTrue();
    }

    @Test
    void aRingRepairCountsTheEntriesEachHopMovedAndTheyAddUpToWhatTheReplicasLacked() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withRepairIntervalNanos(0).withPartitionBits(0)
                .withReplicationFactor(4));
        TestNetwork net = converged(config, 5, 9);
        // one acknowledged write wakes every replica's keyspace; let the first ring views repair and settle
        assertThat(await(net, put(net, net.nodes().get(0), "warm", "up")).status()).isEqualTo(SharedOpStatus.OK);
        net.runUntil(net.now + 2 * SECOND, x -> false);
        List<String> walk = net.nodes().get(0).shared().ring().replicas(0);
        List<Node> w = walk.stream().map(name -> net.nodes().stream().filter(n -> n.self().name().equals(name))
                .findFirst().orElseThrow()).toList();
        // in walk order w0..w3: only w0 holds a0..a9, only w1 b0..b9, only w2 c0..c4, all hold d0..d9
        plant(net, "a", 10, w.get(0));
        plant(net, "b", 10, w.get(1));
        plant(net, "c", 5, w.get(2));
        plant(net, "d", 10, w.toArray(Node[]::new));
        long lacked = 0;
        for (Node replica : w) {
            lacked += 36 - replica.shared().data().size();
        }
        assertThat(lacked).isEqualTo(15 + 15 + 20 + 25);

        w.get(0).shared().startRingRepair(net.now, net.outputs(w.get(0).self().address()));
        assertThat(net.runUntil(net.now + 10 * SECOND, x -> !x.ringRepairs.isEmpty())).isTrue();

        io.grapevine.core.repair.RingRepairReport report = net.ringRepairs.get(0);
        assertThat(report.walk()).isEqualTo(walk);
        assertThat(report.verified()).isTrue();
        // w0-w1 swap a and b; w1 gives w2 a and b and gets c; w2 gives w3 a, b, c; w3 gives w0 c; w0-w1 equal
        assertThat(report.entriesPerHop()).containsExactly(20L, 25L, 25L, 5L, 0L);
        assertThat(report.entriesRepaired()).isEqualTo(lacked);
        assertThat(w).allSatisfy(replica -> assertThat(replica.shared().data().size()).isEqualTo(36));
        // the origin started it; the holder of step 5, w1, ended it
        assertThat(w.get(0).shared().ringRepairCounts()).isEqualTo(new io.grapevine.core.repair.RingRepairCounts(
                1, 0, 0, 0));
        assertThat(w.get(1).shared().ringRepairCounts()).isEqualTo(new io.grapevine.core.repair.RingRepairCounts(
                0, 1, 1, lacked));
    }

    @Test
    void aRingRepairTokenWithFewerHopCountsThanStepsIsDroppedAndCounted() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withPartitionBits(0).withReplicationFactor(2));
        TestNetwork net = converged(config, 2, 10);
        Node first = net.nodes().get(0);
        Node second = net.nodes().get(1);
        List<String> walk = List.of(first.self().name(), second.self().name());
        // step 1 was handed over, so one hop's count must ride along: here there is none
        io.grapevine.core.wire.RingRepairToken token = new io.grapevine.core.wire.RingRepairToken(0, 1,
                first.self().name(), 1, walk, List.of(5L), List.of(), List.of());

        second.onStream(first.self().address(), io.grapevine.core.wire.WireCodec.encodePacket("", first.self(),
                List.of(token)), net.now, net.outputs(second.self().address()));

        assertThat(second.metrics().drops()).containsEntry("MALFORMED_RING_REPAIR", 1L);
        assertThat(net.runUntil(net.now + 2 * SECOND, x -> !x.ringRepairs.isEmpty())).isFalse();
        assertThat(second.shared().ringRepairCounts().completed()).isZero();
    }

    /** Writes {@code prefix0..prefix(n-1)} straight into the given replicas' data, past the protocol. */
    private static void plant(TestNetwork net, String prefix, int n, Node... holders) {
        long millis = net.now / MS;
        for (int i = 0; i < n; i++) {
            SharedEntry entry = holders[0].shared().data().stamp(prefix + i, Bytes.copyOf(new byte[] {1}), false,
                    "planter", millis);
            for (Node holder : holders) {
                holder.shared().data().apply(entry, millis);
            }
        }
    }

    @Test
    void aRingRepairLeavesOutAReplicaThatDiedDuringTheWalk() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withRepairIntervalNanos(0).withPartitionBits(0)
                .withReplicationFactor(4).withRingRepairHopNanos(20 * SECOND));
        TestNetwork net = converged(config, 5, 8);
        for (int k = 0; k < 50; k++) {
            put(net, net.nodes().get(0), "key-" + k, "v" + k);
        }
        net.runUntil(net.now + 2 * SECOND, x -> false);
        List<String> walk = net.nodes().get(0).shared().ring().replicas(0);
        Node origin = net.nodes().stream().filter(n -> n.self().name().equals(walk.get(0))).findFirst().orElseThrow();
        origin.shared().startRingRepair(net.now, net.outputs(origin.self().address()));
        // the replica two steps on dies before its turn; by then everyone holds it dead
        String victim = walk.get(2);
        net.crash(net.nodes().stream().filter(n -> n.self().name().equals(victim)).findFirst().orElseThrow());
        assertThat(net.runUntil(net.now + 200 * SECOND, x -> !x.ringRepairs.isEmpty())).isTrue();
        io.grapevine.core.repair.RingRepairReport report = net.ringRepairs.get(0);
        assertThat(report.skipped()).containsExactly(victim);
        assertThat(report.walk()).hasSize(3).doesNotContain(victim);
        assertThat(report.verified()).isTrue();
    }

    @Test
    void aLocalWriteOverALimitFailsNamingTheLimit() {
        CoreConfig config = CoreConfig.defaults().withKeyspace(k -> k.withMaxValueBytes(8).withMaxKeys(2)
                .withReplicationFactor(0));
        TestNetwork net = converged(config, 2, 7);
        Node node = net.nodes().get(0);
        Outputs out = net.outputs(node.self().address());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.shared().put(nextOp++, "k", new byte[9], net.now, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxValueBytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.shared().put(nextOp++, "x".repeat(201), new byte[1],
                net.now, out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKeyBytes");
        node.shared().put(nextOp++, "a", new byte[1], net.now, out);
        node.shared().put(nextOp++, "b", new byte[1], net.now, out);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.shared().put(nextOp++, "c", new byte[1], net.now, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKeys (2)");
        // overwriting a held key is no new key
        node.shared().put(nextOp++, "a", new byte[2], net.now, out);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.shared().put(0, "a", new byte[1], net.now, out))
                .hasMessageContaining("opId");
    }

    @Test
    void acknowledgementCountsBeyondTheReplicationFactorAreRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoreConfig.defaults()
                .withKeyspace(k -> k.withWriteAcks(4))).hasMessageContaining("writeAcks").hasMessageContaining("4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoreConfig.defaults()
                .withKeyspace(k -> k.withReadAcks(0))).hasMessageContaining("readAcks");
    }

    @Test
    void aClusterThatNeverUsesTheKeyspaceSchedulesNothingForIt() {
        TestNetwork net = converged(CoreConfig.defaults(), 3, 5);
        for (Node node : net.nodes()) {
            assertThat(node.shared().nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        }
    }
}
