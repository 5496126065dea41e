package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Push-pull opened with the view's hash: identical views exchange a digest and nothing else,
 * and a view that differs is still repaired by the full exchange that follows.
 */
class PushPullDigestTest {
    private static final long SECOND = 1000 * MS;

    private static CoreConfig config(boolean digest) {
        // push-pull every 2 s; no rumors of state, so only membership streams remain
        return CoreConfig.defaults().withSync(s -> s.withPushPullIntervalNanos(2 * SECOND).withPushPullDigest(digest)
                .withAntiEntropyIntervalNanos(0));
    }

    private static TestNetwork converged(CoreConfig config, int n, long seed) {
        TestNetwork net = TestNetwork.converged(config, n, seed);
        net.runUntil(net.now + 10 * SECOND, x -> false); // rumors die down
        return net;
    }

    private static long bytesSent(TestNetwork net) {
        return net.nodes().stream().mapToLong(node -> node.metrics().bytesSent()).sum();
    }

    @Test
    void identicalViewsExchangeOnlyTheirHashes() {
        TestNetwork withDigest = converged(config(true), 16, 1);
        TestNetwork full = converged(config(false), 16, 1);
        long digestStart = bytesSent(withDigest);
        long fullStart = bytesSent(full);
        withDigest.runUntil(withDigest.now + 60 * SECOND, x -> false);
        full.runUntil(full.now + 60 * SECOND, x -> false);
        long digestBytes = bytesSent(withDigest) - digestStart;
        long fullBytes = bytesSent(full) - fullStart;
        // the same probes and gossip in both; 16 members' full lists both ways every 2 s per node are the difference
        assertThat(digestBytes).isLessThan(fullBytes * 2 / 3);
    }

    @Test
    void aViewThatDiffersIsRepairedThroughTheFullExchange() {
        TestNetwork net = converged(config(true), 8, 2);
        Node lagging = net.nodes().get(5);
        Node leaver = net.nodes().get(2);
        // n5 hears nothing by datagram from anyone: no rumor of the leave reaches it, only streams
        for (Node other : net.nodes()) {
            if (other != lagging) {
                net.blockDatagrams(other, lagging);
            }
        }
        leaver.leave(net.now, net.outputs(leaver.self().address()));
        boolean repaired = net.runUntil(net.now + 60 * SECOND,
                x -> lagging.member("n2").map(Member::status).orElseThrow() == MemberStatus.LEFT);
        assertThat(repaired).isTrue();
    }

    @Test
    void theDigestIsTheSameOnEveryNodeOfAConvergedCluster() {
        TestNetwork net = converged(config(true), 12, 3);
        assertThat(net.nodes().stream().map(node -> node.members().size()).distinct()).containsExactly(12);
        long[] hashes = net.nodes().stream().mapToLong(PushPullDigestTest::viewHashOf).distinct().toArray();
        assertThat(hashes).hasSize(1);
    }

    private static long viewHashOf(Node node) {
        // the hash is internal; recompute it from the view the node exposes, as a peer's table would hold it
        io.grapevine.core.membership.MemberTable table = new io.grapevine.core.membership.MemberTable(0, 16);
        for (Member member : node.members()) {
            table.add(member.id(), member.incarnation(), member.status(), 0);
        }
        return table.viewHash();
    }
}
