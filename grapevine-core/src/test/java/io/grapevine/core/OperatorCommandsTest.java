package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.detector.Reachability;
import io.grapevine.core.membership.ForceLeave;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core side of the agent's operator commands: force-leave and the reachability check. */
class OperatorCommandsTest {
    private static final long SECOND = 1000 * MS;

    private static TestNetwork joined(int n, long seed) {
        TestNetwork net = new TestNetwork(CoreConfig.defaults(), seed);
        for (int i = 0; i < n; i++) {
            net.add("n" + i);
        }
        Node seedNode = net.nodes().get(0);
        for (Node node : net.nodes().subList(1, n)) {
            node.join(List.of(seedNode.self().address()), net.now, net.outputs(node.self().address()));
        }
        assertThat(net.runUntil(10 * SECOND, x -> x.nodes().stream().allMatch(node -> node.liveMemberCount() == n)))
                .isTrue();
        return net;
    }

    private static boolean survivorsSee(TestNetwork net, Node victim, MemberStatus status) {
        return net.nodes().stream().filter(node -> node != victim).allMatch(node -> node.member(victim.self().name())
                .map(m -> m.status() == status).orElse(false));
    }

    @Test
    void forceLeaveTurnsAFailedMemberIntoALeftOneOnEverySurvivor() {
        TestNetwork net = joined(5, 3);
        Node victim = net.nodes().get(4);
        net.crash(victim);
        assertThat(net.runUntil(net.now + 60 * SECOND, x -> survivorsSee(x, victim, MemberStatus.DEAD))).isTrue();

        Node operator = net.nodes().get(0);
        ForceLeave result = operator.forceLeave("n4", net.now, net.outputs(operator.self().address()));

        assertThat(result).isEqualTo(ForceLeave.LEFT);
        assertThat(net.runUntil(net.now + 100 * MS, x -> survivorsSee(x, victim, MemberStatus.LEFT))).isTrue();
    }

    @Test
    void forceLeaveRefusesALiveMemberAnUnknownNameAndItself() {
        TestNetwork net = joined(3, 4);
        Node operator = net.nodes().get(0);

        assertThat(operator.forceLeave("n1", net.now, net.outputs(operator.self().address())))
                .isEqualTo(ForceLeave.NOT_FAILED);
        assertThat(operator.forceLeave("nobody", net.now, net.outputs(operator.self().address())))
                .isEqualTo(ForceLeave.UNKNOWN_MEMBER);
        assertThat(operator.forceLeave("n0", net.now, net.outputs(operator.self().address())))
                .isEqualTo(ForceLeave.UNKNOWN_MEMBER);
        assertThat(operator.member("n1").orElseThrow().status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void aLoneNodesLeaveHasSpreadAtOnce() {
        TestNetwork net = new TestNetwork(CoreConfig.defaults(), 6);
        Node alone = net.add("alone");

        alone.leave(net.now, net.outputs(alone.self().address()));

        assertThat(alone.leaveSpread()).isTrue();
    }

    @Test
    void reachabilityReportsWhichChannelEachMemberAnswersOn() {
        TestNetwork net = joined(3, 5);
        Node prober = net.nodes().get(0);
        Node udpMuted = net.nodes().get(2);
        net.blockDatagrams(udpMuted, prober);

        prober.checkReachability(net.now, net.outputs(prober.self().address()));
        net.runUntil(net.now + 50 * MS, x -> false);

        assertThat(prober.reachability()).extracting(Reachability::member, Reachability::byDatagram,
                Reachability::byStream).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("n1", true, true),
                        org.assertj.core.groups.Tuple.tuple("n2", false, true));
        assertThat(prober.reachability()).filteredOn(Reachability::byDatagram)
                .allMatch(r -> r.datagramRttNanos() > 0 && r.datagramRttNanos() < 10 * MS);
        // acks of the check are its own: none was counted as unexpected
        assertThat(prober.metrics().drops()).doesNotContainKey("UNEXPECTED_ACK");
    }
}
