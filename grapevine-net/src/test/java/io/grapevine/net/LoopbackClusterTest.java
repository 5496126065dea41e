package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.membership.Member;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.Bytes;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S1–S4 and hostile input with real UDP and TCP sockets on loopback, eight nodes in one JVM. */
class LoopbackClusterTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final byte[] KEY = new byte[32];
    private final List<Cluster> nodes = new ArrayList<>();

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 1);
        }
    }

    @AfterEach
    void closeAll() {
        nodes.forEach(Cluster::close);
    }

    private Cluster start(String name, ClusterBuilder builder) {
        return start(builder.core(CoreConfig.local()));
    }

    private Cluster start(ClusterBuilder builder) {
        Cluster cluster = builder.bind("127.0.0.1", 0).start();
        nodes.add(cluster);
        return cluster;
    }

    private Cluster startEncrypted(String name) {
        return start(name, Cluster.builder(name).encryptionKey(KEY));
    }

    private static String seedOf(Cluster cluster) {
        InetSocketAddress bound = cluster.boundAddress();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private List<Cluster> joinedCluster(int n) {
        Cluster seed = startEncrypted("node-0");
        for (int i = 1; i < n; i++) {
            startEncrypted("node-" + i).join(List.of(seedOf(seed)));
        }
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(c -> c.liveMembers().size() == n));
        return nodes;
    }

    private static MemberStatus statusOf(Cluster observer, String name) {
        return observer.members().stream().filter(m -> m.name().equals(name)).map(Member::status)
                .findFirst().orElse(null);
    }

    @Test
    void eightNodesJoinThroughOneSeed() {
        joinedCluster(8);
        assertThat(nodes.get(3).liveMembers()).hasSize(8);
        // the seed saw the joiner at the address it advertises
        assertThat(nodes.get(3).observedHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aClosedNodeIsDeclaredDeadByEverySurvivor() {
        joinedCluster(8);
        Cluster victim = nodes.remove(5);
        victim.close();
        await().atMost(DEADLINE).until(() -> nodes.stream()
                .allMatch(c -> statusOf(c, "node-5") == MemberStatus.DEAD));
    }

    @Test
    void writesAndEventsReachEveryNode() {
        joinedCluster(8);
        List<String> received = new CopyOnWriteArrayList<>();
        for (Cluster node : nodes) {
            node.addListener(e -> {
                if (e instanceof ClusterEvent.UserEventReceived u) {
                    received.add(u.event().name());
                }
            });
        }
        nodes.get(2).put("role", "leader".getBytes()).join();
        nodes.get(6).broadcast("deploy", new byte[] {1}).join();
        await().atMost(DEADLINE).until(() -> nodes.stream()
                .allMatch(c -> c.get("node-2", "role").equals(java.util.Optional.of(Bytes.copyOf("leader".getBytes())))));
        await().atMost(DEADLINE).until(() -> received.size() == 8);
    }

    @Test
    void aLeavingNodeIsSeenAsLeftNotDead() throws Exception {
        joinedCluster(8);
        Cluster leaver = nodes.remove(4);
        leaver.leave().get(10, TimeUnit.SECONDS);
        leaver.close();
        await().atMost(DEADLINE).until(() -> nodes.stream()
                .allMatch(c -> statusOf(c, "node-4") == MemberStatus.LEFT));
    }

    @Test
    void aNodeWithTheWrongKeyIsNeverAdmitted() {
        joinedCluster(3);
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        Cluster intruder = start("intruder", Cluster.builder("intruder").encryptionKey(otherKey)
                .joinTimeout(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> intruder.join(List.of(seedOf(nodes.get(0)))).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(nodes.get(0).members()).noneMatch(m -> m.name().equals("intruder"));
        assertThat(nodes.get(0).metrics().runtimeDrops()).containsKey(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void aForgedFloodSealedWithTheWrongKeyIsDroppedAtDecryptionEveryPacket() throws Exception {
        List<Cluster> cluster = joinedCluster(3);
        Cluster target = cluster.get(1);
        byte[] otherKey = KEY.clone();
        otherKey[5] ^= 0x40;
        PacketCipher forger = new PacketCipher(Keyring.of(otherKey), "");
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        int sent = 0;
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int batch = 0; batch < 20; batch++) {
                long before = target.metrics().runtimeDrops().getOrDefault(RuntimeDrop.DECRYPT_FAILED, 0L);
                for (int i = 0; i < 100; i++) {
                    // a well-formed packet naming an invented member, as a forger would build it
                    io.grapevine.core.base.NodeId phantom = new io.grapevine.core.base.NodeId("phantom-" + sent,
                            new io.grapevine.core.base.Address("10.1." + random.nextInt(256) + "." + random.nextInt(256),
                                    7946), 1);
                    byte[] plain = io.grapevine.core.wire.WireCodec.encodePacket("", phantom, List.of(
                            new io.grapevine.core.wire.MemberUpdate(phantom, 0, MemberStatus.ALIVE, phantom.name())));
                    byte[] sealed = forger.seal(plain);
                    socket.send(new DatagramPacket(sealed, sealed.length, target.boundAddress()));
                    sent++;
                }
                long expected = before + 100;
                // paced by batch so the socket buffer never overflows: every packet is accounted for
                await().atMost(DEADLINE).until(() -> target.metrics().runtimeDrops()
                        .getOrDefault(RuntimeDrop.DECRYPT_FAILED, 0L) >= expected);
            }
        }
        assertThat(sent).isEqualTo(2_000);
        assertThat(target.members()).hasSize(3).noneMatch(m -> m.name().startsWith("phantom-"));
        assertThat(target.metrics().core().drops()).doesNotContainKeys("CANDIDATES_FULL", "CANDIDATE_RATE");
    }

    @Test
    void aNodeWithTheWrongLabelIsNeverAdmitted() {
        joinedCluster(3);
        // same key, other cluster label: authentication fails because the label is associated data
        Cluster labelled = start(Cluster.builder("labelled").encryptionKey(KEY)
                .core(CoreConfig.local().withWire(p -> p.withClusterLabel("other"))).joinTimeout(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> labelled.join(List.of(seedOf(nodes.get(0)))).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(nodes.get(0).members()).noneMatch(m -> m.name().equals("labelled"));
        assertThat(nodes.get(0).metrics().runtimeDrops()).containsKey(RuntimeDrop.DECRYPT_FAILED);
    }

    @Test
    void garbageDatagramsAreCountedAndTheNodeStaysHealthy() throws Exception {
        joinedCluster(3);
        Cluster target = nodes.get(1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        int sent = 0;
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 5_000; i++) {
                byte[] junk = new byte[1 + random.nextInt(1_400)];
                random.nextBytes(junk);
                socket.send(new DatagramPacket(junk, junk.length, target.boundAddress()));
                sent++;
            }
        }
        int expected = sent;
        await().atMost(DEADLINE).until(() -> target.metrics().totalDrops() >= expected * 0.9);
        assertThat(target.liveMembers()).hasSize(3);
        target.put("still", new byte[] {1}).get(5, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> nodes.get(0).get("node-1", "still").isPresent());
    }

    @Test
    void aRestartedNodeRejoinsWithANewGeneration() {
        joinedCluster(4);
        Cluster old = nodes.remove(3);
        long oldGeneration = old.id().generation();
        old.close();
        Cluster reborn = startEncrypted("node-3");
        reborn.join(List.of(seedOf(nodes.get(0))));
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(c -> c.members().stream().anyMatch(m ->
                m.name().equals("node-3") && m.status() == MemberStatus.ALIVE
                        && m.id().generation() > oldGeneration)));
    }

    @Test
    void ipv6LoopbackWorksWhereTheMachineHasIt() throws Exception {
        boolean hasIpv6 = java.net.NetworkInterface.networkInterfaces().flatMap(i -> i.inetAddresses())
                .anyMatch(a -> a instanceof java.net.Inet6Address && a.isLoopbackAddress());
        org.junit.jupiter.api.Assumptions.assumeTrue(hasIpv6, "no IPv6 loopback on this machine");
        Cluster a = Cluster.builder("v6-a").bind("::1", 0).encryptionKey(KEY).core(CoreConfig.local()).start();
        nodes.add(a);
        Cluster b = Cluster.builder("v6-b").bind("::1", 0).encryptionKey(KEY).core(CoreConfig.local()).start();
        nodes.add(b);
        b.join(List.of("[::1]:" + a.boundAddress().getPort())).get(20, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> a.liveMembers().size() == 2 && b.liveMembers().size() == 2);
        assertThat(a.id().address().host()).contains(":");
    }

    @Test
    void plaintextMustBeExplicit() {
        assertThatThrownBy(() -> Cluster.builder("x").bind("127.0.0.1", 0).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plaintext()");
    }

    @Test
    void keyRotationInstallConfirmUseRemoveKeepsTheClusterTalking() {
        List<Cluster> cluster = joinedCluster(4);
        byte[] next = new byte[32];
        java.util.Arrays.fill(next, (byte) 42);
        String nextPrint = Keyring.fingerprint(next);
        await().atMost(DEADLINE).until(() -> cluster.get(0).keyringStatus().size() == 4);
        assertThat(cluster.get(0).membersLacking(next)).hasSize(4);

        cluster.forEach(c -> c.keyring().orElseThrow().install(next));
        await().atMost(DEADLINE).until(() -> cluster.stream().allMatch(c -> c.membersLacking(next).isEmpty()));
        cluster.forEach(c -> c.keyring().orElseThrow().use(next));
        await().atMost(DEADLINE).until(() -> cluster.get(3).keyringStatus().values().stream()
                .allMatch(s -> s.primary().equals(nextPrint)));
        cluster.forEach(c -> c.keyring().orElseThrow().remove(KEY));
        await().atMost(DEADLINE).until(() -> cluster.get(1).keyringStatus().values().stream()
                .allMatch(s -> s.installed().equals(List.of(nextPrint))));

        List<String> received = new CopyOnWriteArrayList<>();
        cluster.forEach(c -> c.addListener(e -> {
            if (e instanceof ClusterEvent.UserEventReceived u && u.event().name().equals("after-rotation")) {
                received.add(c.id().name());
            }
        }));
        cluster.get(2).broadcast("after-rotation", new byte[0]);
        await().atMost(DEADLINE).until(() -> received.size() == 4);
        assertThat(cluster).allMatch(c -> c.liveMembers().size() == 4);
        assertThatThrownBy(() -> cluster.get(0).put(Cluster.KEYRING_KEY, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void aRestartedNodeRejoinsThroughTheMembersItRemembersWithoutSeeds(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("snap-b.members");
        Cluster a = startEncrypted("snap-a");
        Cluster b = start("snap-b", Cluster.builder("snap-b").encryptionKey(KEY).snapshot(file));
        b.join(List.of(seedOf(a)));
        await().atMost(DEADLINE).until(() -> java.nio.file.Files.exists(file)
                && java.nio.file.Files.readString(file).contains(seedOf(a)));
        b.close();
        nodes.remove(b);

        Cluster restarted = start("snap-b", Cluster.builder("snap-b").encryptionKey(KEY).snapshot(file));
        assertThat(restarted.join().get(30, TimeUnit.SECONDS)).isEqualTo(2);
        await().atMost(DEADLINE).until(() -> a.members().stream().anyMatch(m -> m.name().equals("snap-b")
                && m.status() == MemberStatus.ALIVE && m.id().address().equals(restarted.id().address())));

        restarted.leave().get(30, TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> java.nio.file.Files.readString(file).trim()
                .equals(MemberSnapshot.LEFT_MARKER));
        assertThat(MemberSnapshot.rejoinCandidates(file)).as("no rejoin after a graceful leave").isEmpty();
    }
}
