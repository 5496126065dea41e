package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.dissemination.FlowStats;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Flow control on real nodes in virtual time: a node writing far beyond its budget has its
 * writes wait (coalesced per key) instead of flooding the cluster, a quiet node's write still
 * goes out at once, and nothing is lost: every node ends with every key's last value.
 */
class FlowControlNodeTest {
    private static final long SECOND = 1_000 * TestNetwork.MS;

    @Test
    void aHeavyWriterWaitsForItsRateAQuietWriterDoesNotAndNothingIsLost() {
        CoreConfig config = CoreConfig.defaults().withGossip(g -> g.withFlowBudgetBytesPerSecond(16 * 1024));
        TestNetwork net = TestNetwork.converged(config, 12, 31);
        Node heavy = net.nodes().get(2);
        Node quiet = net.nodes().get(7);
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 200; k++) {
                heavy.put("k" + k, new byte[] {(byte) round, (byte) k}, net.now, net.outputs(heavy.self().address()));
            }
        }
        FlowStats stats = heavy.flow();
        assertThat(stats.deferrals()).isPositive();
        // 600 writes of 200 keys: at most 200 keys wait, each with its last value only
        assertThat(stats.deferredKeys()).isBetween(1, 200);

        long start = net.now;
        quiet.put("q", new byte[] {9}, net.now, net.outputs(quiet.self().address()));
        assertThat(net.runUntil(net.now + SECOND, x -> x.nodes().stream()
                .allMatch(n -> n.get("n7", "q").equals(Optional.of(Bytes.copyOf(new byte[] {9})))))).isTrue();
        assertThat(net.now - start).isLessThan(5 * TestNetwork.MS);

        boolean converged = net.runUntil(net.now + 120 * SECOND, x -> x.nodes().stream()
                .allMatch(n -> n.entries("n2").equals(heavy.entries("n2"))));
        assertThat(converged).isTrue();
        assertThat(heavy.entries("n2")).hasSize(200)
                .allSatisfy((key, value) -> assertThat(value.toArray()[0]).isEqualTo((byte) 2));
        net.runUntil(net.now + 60 * SECOND, x -> x.nodes().get(2).flow().deferredKeys() == 0);
        assertThat(heavy.flow().deferredKeys()).isZero();
    }

    @Test
    void withFlowControlOffEveryWriteIsMailedAtOnce() {
        CoreConfig config = CoreConfig.defaults().withGossip(g -> g.withFlowBudgetBytesPerSecond(0));
        TestNetwork net = TestNetwork.converged(config, 6, 32);
        Node heavy = net.nodes().get(1);
        for (int k = 0; k < 100; k++) {
            heavy.put("k" + k, new byte[] {1}, net.now, net.outputs(heavy.self().address()));
        }
        assertThat(heavy.flow().deferrals()).isZero();
        assertThat(heavy.directMail().tagged()).isEqualTo(100);
    }
}
