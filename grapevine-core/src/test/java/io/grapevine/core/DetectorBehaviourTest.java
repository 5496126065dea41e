package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.membership.Change;
import io.grapevine.core.base.MemberStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failure detector behaviour on the fixture network: fallback probes, quorum, determinism. */
class DetectorBehaviourTest {
    private static final long SECOND = 1000 * MS;

    private static TestNetwork converged(CoreConfig config, int n, long seed) {
        TestNetwork net = new TestNetwork(config, seed);
        for (int i = 0; i < n; i++) {
            net.add("n" + i);
        }
        Node seedNode = net.nodes().get(0);
        for (Node node : net.nodes().subList(1, n)) {
            node.join(List.of(seedNode.self().address()), net.now, net.outputs(node.self().address()));
        }
        assertThat(net.runUntil(20 * SECOND, x -> x.nodes().stream().allMatch(y -> y.liveMemberCount() == n)))
                .isTrue();
        return net;
    }

    private static long convergedThenRun(long seed) {
        TestNetwork net = converged(CoreConfig.defaults(), 10, seed);
        net.runUntil(net.now + 5 * SECOND, x -> false);
        return net.traceHash;
    }

    private static long failures(TestNetwork net) {
        return net.events.stream().filter(e -> e instanceof ClusterEvent.MemberChanged mc
                && mc.change() == Change.FAILED).count();
    }

    @Test
    void aMemberThatLosesAllDatagramsIsKeptAliveByTheStreamProbe() {
        TestNetwork net = converged(CoreConfig.defaults(), 6, 11);
        Node deaf = net.nodes().get(2);
        for (Node other : net.nodes()) {
            if (other != deaf) {
                net.blockDatagrams(other, deaf);
                net.blockDatagrams(deaf, other);
            }
        }
        net.runUntil(net.now + 120 * SECOND, x -> false);
        assertThat(failures(net)).isZero();
        // and the others report it as reachable over the stream only, instead of flapping it
        assertThat(net.nodes().get(0).membersReachableOnlyByStream()).containsExactly(deaf.self().name());
        assertThat(net.nodes().get(0).metrics().probeRttMedianNanos()).isEqualTo(2 * MS);
    }

    @Test
    void withoutTheStreamProbeTheSameMemberIsDeclaredDead() {
        TestNetwork net = converged(CoreConfig.defaults().withDetector(p -> p.withStreamFallbackProbe(false)), 6, 11);
        Node deaf = net.nodes().get(2);
        for (Node other : net.nodes()) {
            if (other != deaf) {
                net.blockDatagrams(other, deaf);
                net.blockDatagrams(deaf, other);
            }
        }
        net.runUntil(net.now + 120 * SECOND, x -> false);
        assertThat(failures(net)).isPositive();
    }

    @Test
    void quorumModeDeclaresACrashedMemberDeadOnlyOnceAMajoritySuspectedIt() {
        TestNetwork net = converged(CoreConfig.defaults().withDetector(p -> p.withQuorumFailureDetection(true)), 7, 5);
        Node victim = net.nodes().get(4);
        net.crash(victim);
        String name = victim.self().name();
        boolean dead = net.runUntil(net.now + 120 * SECOND, x -> x.nodes().stream().filter(y -> y != victim)
                .allMatch(y -> y.member(name).orElseThrow().status() == MemberStatus.DEAD));
        assertThat(dead).isTrue();
        Node judge = net.nodes().get(0);
        String deathDetail = judge.history(name).stream().filter(t -> t.change() == Change.FAILED)
                .findFirst().orElseThrow().detail();
        assertThat(deathDetail).startsWith("suspected by");
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        // beyond the join (which now converges before any random timer fires): probes, gossip
        long first = convergedThenRun(99);
        long again = convergedThenRun(99);
        long other = convergedThenRun(100);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
