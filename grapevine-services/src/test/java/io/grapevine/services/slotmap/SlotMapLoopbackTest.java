package io.grapevine.services.slotmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slot map on real sockets (127.0.0.1): in-JVM {@link Cluster}s with the service installed,
 * an assignment, a move, and an owner killed ({@link Cluster#close()}, which stops it without a
 * leave as far as the slot map is concerned: its slots stay claimed) with its replica taking over.
 */
class SlotMapLoopbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long MS = 1_000_000L;
    private static final SlotMapConfig QUICK = SlotMapConfig.defaults().withNodeTimeoutNanos(500 * MS)
            .withFailoverDelays(100 * MS, 100 * MS, 200 * MS);
    private final List<Cluster> nodes = new ArrayList<>();

    @AfterEach
    void closeAll() {
        nodes.forEach(Cluster::close);
    }

    private Cluster start(String name, List<ClusterEvent> events) {
        CoreConfig core = CoreConfig.local().withDetector(d -> d.withQuorumFailureDetection(true));
        Cluster cluster = Cluster.builder(name).core(core).plaintext().service(new SlotMap(QUICK))
                .listener(events::add).bind("127.0.0.1", 0).start();
        nodes.add(cluster);
        return cluster;
    }

    private static SlotMapView view(Cluster node) throws Exception {
        return node.callService(SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> m.view()).get(10, TimeUnit.SECONDS);
    }

    private static void call(Cluster node, java.util.function.BiConsumer<SlotMap, io.grapevine.core.service.ServiceContext> action)
            throws Exception {
        node.callService(SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> {
            action.accept(m, ctx);
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    private static boolean allSee(List<Cluster> live, int slot, String owner) throws Exception {
        for (Cluster node : live) {
            if (!view(node).owner(slot).equals(Optional.of(owner))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void slotsAreAssignedMovedAndFailedOverAcrossRealSockets() throws Exception {
        List<ClusterEvent> replicaEvents = new CopyOnWriteArrayList<>();
        Cluster a = start("a", new CopyOnWriteArrayList<>());
        Cluster b = start("b", new CopyOnWriteArrayList<>());
        Cluster c = start("c", new CopyOnWriteArrayList<>());
        Cluster d = start("d", replicaEvents);
        String seed = "127.0.0.1:" + a.boundAddress().getPort();
        for (Cluster node : List.of(b, c)) {
            node.join(List.of(seed)).get(10, TimeUnit.SECONDS);
        }
        d.join(List.of("127.0.0.1:" + c.boundAddress().getPort())).get(10, TimeUnit.SECONDS); // MEET through any member
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(n -> n.liveMembers().size() == 4));

        call(a, (m, ctx) -> m.claim(List.of(new SlotRange(0, 5460)), ctx));
        call(b, (m, ctx) -> m.claim(List.of(new SlotRange(5461, 10922)), ctx));
        call(c, (m, ctx) -> m.claim(List.of(new SlotRange(10923, 16383)), ctx));
        call(d, (m, ctx) -> m.replicate("a", ctx));
        await().atMost(DEADLINE).until(() -> allSee(nodes, 0, "a") && allSee(nodes, 16383, "c")
                && view(a).node("d").flatMap(ClusterNodeInfo::master).equals(Optional.of("a")));

        call(b, (m, ctx) -> m.claim(List.of(SlotRange.of(42)), ctx)); // move slot 42 from a to b
        await().atMost(DEADLINE).until(() -> allSee(nodes, 42, "b"));
        assertThat(view(a).node("a").orElseThrow().ranges()).containsExactly(new SlotRange(0, 41), new SlotRange(43, 5460));

        a.close(); // the owner of 0..41 and 43..5460 is gone
        List<Cluster> live = List.of(b, c, d);
        await().atMost(DEADLINE).until(() -> allSee(live, 0, "d") && allSee(live, 5460, "d"));
        for (Cluster node : live) {
            SlotMapView view = view(node);
            assertThat(view.isFailed("a")).isTrue();
            assertThat(view.owner(42)).contains("b");
            assertThat(view.node("d").orElseThrow().master()).isEmpty();
        }
        assertThat(replicaEvents).contains(new ClusterEvent.ServiceEvent(SlotMap.CHANNEL,
                new SlotMap.Promoted("d", "a", view(d).node("d").orElseThrow().configEpoch())));
        SlotRouter router = new SlotRouter(view(b));
        assertThat(router.route("foo")).contains("c");
        assertThat(router.routeSlot(0)).contains("d");
    }
}
