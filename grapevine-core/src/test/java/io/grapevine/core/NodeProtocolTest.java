package io.grapevine.core;

import static io.grapevine.core.TestNetwork.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.membership.Change;
import io.grapevine.core.base.MemberStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeProtocolTest {
    private static final long SECOND = 1000 * MS;

    private static TestNetwork joinedCluster(int n, long seed) {
        TestNetwork net = new TestNetwork(CoreConfig.defaults(), seed);
        for (int i = 0; i < n; i++) {
            net.add("n" + i);
        }
        Node seedNode = net.nodes().get(0);
        for (Node node : net.nodes().subList(1, n)) {
            node.join(List.of(seedNode.self().address()), net.now, net.outputs(node.self().address()));
        }
        return net;
    }

    private static boolean allSee(TestNetwork net, int live) {
        return net.nodes().stream().allMatch(node -> node.liveMemberCount() == live);
    }

    @Test
    void sixteenNodesJoiningOneSeedAllSeeEveryone() {
        TestNetwork net = joinedCluster(16, 1);
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 16))).isTrue();
    }

    @Test
    void simultaneousJoinsConvergeWithinMillisecondsNotGossipRounds() {
        TestNetwork net = joinedCluster(16, 7);
        // the seed mails each joiner to the members it knows; the joiner got them in the answer
        assertThat(net.runUntil(100 * MS, n -> allSee(n, 16))).isTrue();
    }

    @Test
    void crashedNodeIsDeclaredDeadByEverySurvivor() {
        TestNetwork net = joinedCluster(8, 2);
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 8))).isTrue();
        Node victim = net.nodes().get(5);
        net.crash(victim);
        String name = victim.self().name();
        boolean dead = net.runUntil(net.now + 60 * SECOND, n -> n.nodes().stream().filter(x -> x != victim)
                .allMatch(x -> x.member(name).map(m -> m.status() == MemberStatus.DEAD).orElse(false)));
        assertThat(dead).isTrue();
        // nobody but the victim was ever declared dead
        assertThat(net.events).filteredOn(e -> e instanceof ClusterEvent.MemberChanged mc
                && mc.change() == Change.FAILED).allMatch(e -> ((ClusterEvent.MemberChanged) e).member().name().equals(name));
    }

    @Test
    void crashedProcessWhosePortRefusesStreamsIsDeclaredDeadWellBeforeTheSuspicionTimeout() {
        long silent = timeUntilAllSurvivorsSeeDead(false);
        long refused = timeUntilAllSurvivorsSeeDead(true);
        // 8 nodes: the Lifeguard timeout alone is at least 4 probe periods after the first failed probe
        assertThat(silent).isGreaterThan(5 * SECOND);
        assertThat(refused).isLessThan(3 * SECOND).isLessThan(silent / 2);
    }

    private static long timeUntilAllSurvivorsSeeDead(boolean refuse) {
        TestNetwork net = joinedCluster(8, 6);
        net.refuseStreamsToCrashed = refuse;
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 8))).isTrue();
        net.runUntil(net.now + 10 * SECOND, n -> false);
        Node victim = net.nodes().get(5);
        String name = victim.self().name();
        net.events.clear();
        net.crash(victim);
        long crashedAt = net.now;
        boolean dead = net.runUntil(net.now + 60 * SECOND, n -> n.nodes().stream().filter(x -> x != victim)
                .allMatch(x -> x.member(name).map(m -> m.status() == MemberStatus.DEAD).orElse(false)));
        assertThat(dead).isTrue();
        assertThat(net.events).filteredOn(e -> e instanceof ClusterEvent.MemberChanged mc && mc.change() == Change.FAILED)
                .allMatch(e -> ((ClusterEvent.MemberChanged) e).member().name().equals(name));
        return net.now - crashedAt;
    }

    @Test
    void leavingNodeIsSeenAsLeftNotFailed() {
        TestNetwork net = joinedCluster(8, 3);
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 8))).isTrue();
        Node leaver = net.nodes().get(3);
        leaver.leave(net.now, net.outputs(leaver.self().address()));
        String name = leaver.self().name();
        boolean left = net.runUntil(net.now + 10 * SECOND, n -> n.nodes().stream()
                .allMatch(x -> x.member(name).map(m -> m.status() == MemberStatus.LEFT).orElse(false)));
        assertThat(left).isTrue();
        assertThat(net.runUntil(net.now + 5 * SECOND, n -> leaver.leaveSpread())).isTrue();
        assertThat(net.events).noneMatch(e -> e instanceof ClusterEvent.MemberChanged mc && mc.change() == Change.FAILED);
    }

    @Test
    void userEventReachesEveryNodeExactlyOnce() {
        TestNetwork net = joinedCluster(12, 4);
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 12))).isTrue();
        net.events.clear();
        Node origin = net.nodes().get(7);
        origin.fireEvent("deploy", new byte[] {1, 2, 3}, net.now, net.outputs(origin.self().address()));
        net.runUntil(net.now + 5 * SECOND, n -> false);
        assertThat(net.events).filteredOn(e -> e instanceof ClusterEvent.UserEventReceived).hasSize(12);
    }

    @Test
    void userEventMissedByEveryDatagramIsRepairedByTheNextFullStateExchange() {
        TestNetwork net = joinedCluster(6, 5);
        assertThat(net.runUntil(10 * SECOND, n -> allSee(n, 6))).isTrue();
        net.runUntil(net.now + 10 * SECOND, n -> false); // past the joiners' follow-up exchanges
        Node deaf = net.nodes().get(4);
        for (Node other : net.nodes()) {
            if (other != deaf) {
                net.blockDatagrams(other, deaf);
            }
        }
        Node origin = net.nodes().get(1);
        origin.fireEvent("deploy", new byte[] {7}, net.now, net.outputs(origin.self().address()));
        net.runUntil(net.now + 2 * SECOND, n -> false);
        assertThat(received(net, deaf)).as("direct mail and rumor cannot reach it").isZero();

        boolean repaired = net.runUntil(net.now + 120 * SECOND, n -> received(n, deaf) > 0);

        assertThat(repaired).isTrue();
        net.runUntil(net.now + 60 * SECOND, n -> false);
        assertThat(received(net, deaf)).as("delivered once, however many exchanges carry it").isEqualTo(1);
        assertThat(net.nodes()).allMatch(node -> received(net, node) == 1);
    }

    private static long received(TestNetwork net, Node node) {
        return net.eventsByNode.getOrDefault(node.self().address(), List.of()).stream()
                .filter(e -> e instanceof ClusterEvent.UserEventReceived).count();
    }
}
