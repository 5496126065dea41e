package io.grapevine.services.blocklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Bytes;
import io.grapevine.net.Cluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The block log on real sockets: five in-JVM {@link Cluster}s on 127.0.0.1 with the service
 * installed; blocks spread to all, the leader is killed with {@link Cluster#close()} (no leave:
 * the others detect it as failed, with the fast profile), and the next lowest name takes over and
 * produces on the same chain.
 */
class BlockLogLoopbackTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final List<Cluster> nodes = new ArrayList<>();
    private final List<Cluster> closed = new ArrayList<>();

    @AfterEach
    void closeAll() {
        nodes.stream().filter(n -> !closed.contains(n)).forEach(Cluster::close);
    }

    private static <R> R call(Cluster node, java.util.function.BiFunction<BlockLog, io.grapevine.core.service.ServiceContext, R> action)
            throws Exception {
        return node.callService(BlockLog.CHANNEL, BlockLog.class, action).get(10, TimeUnit.SECONDS);
    }

    private static BlockLogView view(Cluster node) throws Exception {
        return call(node, (log, ctx) -> log.view());
    }

    private static Optional<Block> produce(Cluster node, String payload) throws Exception {
        return call(node, (log, ctx) -> log.produce(Bytes.copyOf(payload.getBytes(StandardCharsets.UTF_8)), ctx));
    }

    private List<Cluster> live() {
        return nodes.stream().filter(n -> !closed.contains(n)).toList();
    }

    private boolean allAt(long height) throws Exception {
        for (Cluster node : live()) {
            if (view(node).height() != height) {
                return false;
            }
        }
        return true;
    }

    private long producers() throws Exception {
        long count = 0;
        for (Cluster node : live()) {
            count += view(node).producing() ? 1 : 0;
        }
        return count;
    }

    @Test
    void blocksReachEveryNodeAndANewLeaderContinuesTheChainAfterTheLeaderIsKilled() throws Exception {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(Cluster.builder("node-" + i).core(CoreConfig.fast()).plaintext()
                    .service(new BlockLog(BlockLogConfig.defaults().withPullIntervalNanos(500_000_000L), BlockListener.NONE))
                    .listener(events::add).bind("127.0.0.1", 0).start());
        }
        String seed = "127.0.0.1:" + nodes.get(0).boundAddress().getPort();
        for (Cluster node : nodes.subList(1, 5)) {
            node.join(List.of(seed)).get(10, TimeUnit.SECONDS);
        }
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(n -> n.liveMembers().size() == 5));
        Cluster leader = nodes.get(0);
        await().atMost(DEADLINE).until(() -> view(leader).producing() && producers() == 1);
        for (int i = 0; i < 5; i++) {
            assertThat(produce(leader, "before " + i)).isPresent();
        }
        await().atMost(DEADLINE).until(() -> allAt(5));
        Bytes head = view(nodes.get(3)).headHash();

        leader.close();
        closed.add(leader);
        Cluster heir = nodes.get(1);
        await().atMost(DEADLINE).until(() -> view(heir).producing() && producers() == 1);
        assertThat(events).contains(new ClusterEvent.ServiceEvent(BlockLog.CHANNEL, new LeaderChanged("node-1", 5)));
        Block next = produce(heir, "after").orElseThrow();
        assertThat(next.number()).isEqualTo(6);
        assertThat(next.previousHash()).isEqualTo(head);
        assertThat(produce(nodes.get(2), "not the leader")).isEmpty();
        await().atMost(DEADLINE).until(() -> allAt(6));
        for (Cluster node : live()) {
            List<Block> chain = call(node, (log, ctx) -> log.blocks(1, 6, 10));
            assertThat(chain).hasSize(6);
            for (int j = 1; j < chain.size(); j++) {
                assertThat(chain.get(j - 1).precedes(chain.get(j))).isTrue();
            }
            assertThat(call(node, (log, ctx) -> log.stats()).rejected()).isZero();
        }
    }
}
