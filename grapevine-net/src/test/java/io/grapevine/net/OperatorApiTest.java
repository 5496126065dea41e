package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.detector.Reachability;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.ForceLeave;
import io.grapevine.core.membership.Transition;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the agent's operator commands need of the Cluster API, on loopback: health, history, force-leave, reachability. */
class OperatorApiTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final List<Cluster> nodes = new ArrayList<>();

    @AfterEach
    void closeAll() {
        nodes.forEach(Cluster::close);
    }

    private Cluster start(String name) {
        Cluster cluster = Cluster.builder(name).plaintext().core(CoreConfig.local()).publishView(true)
                .bind("127.0.0.1", 0).start();
        nodes.add(cluster);
        return cluster;
    }

    private static String seedOf(Cluster cluster) {
        InetSocketAddress bound = cluster.boundAddress();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private List<Cluster> joined(int n) {
        Cluster seed = start("node-0");
        for (int i = 1; i < n; i++) {
            start("node-" + i).join(List.of(seedOf(seed)));
        }
        await().atMost(DEADLINE).until(() -> nodes.stream().allMatch(c -> c.liveMembers().size() == n));
        return nodes;
    }

    @Test
    void healthTurnsGreenOnEveryNodeOnceAllPublishTheSameView() {
        List<Cluster> cluster = joined(3);

        await().atMost(DEADLINE).until(() -> cluster.stream().allMatch(c -> c.health().healthy()));
        ClusterHealth health = cluster.get(1).health();
        assertThat(health.liveMembers()).isEqualTo(3);
        assertThat(health.disagreeing()).isEmpty();
        assertThat(health.reason()).isEmpty();
    }

    @Test
    void healthSaysWhyWhenAMemberIsGoneFromSomeViews() {
        List<Cluster> cluster = joined(3);
        await().atMost(DEADLINE).until(() -> cluster.stream().allMatch(c -> c.health().healthy()));

        cluster.get(2).close();

        await().atMost(DEADLINE).until(() -> !cluster.get(0).health().healthy());
        assertThat(cluster.get(0).health().reason()).containsAnyOf("suspected", "another member list");
        // once every survivor declared it dead and republished, they agree again
        await().atMost(DEADLINE).until(() -> cluster.get(0).health().healthy() && cluster.get(1).health().healthy());
    }

    @Test
    void aNodeWhoseSeedNeverAnswersIsNotHealthy() {
        Cluster lonely = Cluster.builder("lonely").plaintext().core(CoreConfig.local()).publishView(true)
                .joinTimeout(Duration.ofSeconds(20)).bind("127.0.0.1", 0).start();
        nodes.add(lonely);
        lonely.join(List.of("127.0.0.1:9"));

        assertThat(lonely.health().healthy()).isFalse();
        assertThat(lonely.health().reason()).contains("not joined");
    }

    @Test
    void historyExplainsAFailureAndForceLeaveTurnsItIntoALeave() {
        List<Cluster> cluster = joined(3);
        cluster.get(2).close();
        await().atMost(DEADLINE).until(() -> cluster.get(0).members().stream()
                .anyMatch(m -> m.name().equals("node-2") && m.status() == MemberStatus.DEAD));

        List<Transition> history = cluster.get(0).history("node-2");
        assertThat(history).extracting(Transition::change).contains(Change.JOINED, Change.FAILED);
        assertThat(cluster.get(0).forceLeave("node-1").join()).isEqualTo(ForceLeave.NOT_FAILED);

        assertThat(cluster.get(0).forceLeave("node-2").join()).isEqualTo(ForceLeave.LEFT);
        await().atMost(DEADLINE).until(() -> cluster.get(1).members().stream()
                .anyMatch(m -> m.name().equals("node-2") && m.status() == MemberStatus.LEFT));
    }

    @Test
    void reachabilityReportsEveryLiveMemberAnsweringOnBothChannels() {
        List<Cluster> cluster = joined(3);

        List<Reachability> report = cluster.get(0).reachability(Duration.ofMillis(500)).join();

        assertThat(report).extracting(Reachability::member).containsExactlyInAnyOrder("node-1", "node-2");
        assertThat(report).allMatch(r -> r.byDatagram() && r.byStream());
    }
}
