package io.grapevine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.MemberStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final long SECOND = 1_000_000_000L;

    /** Node 0, then nodes 1..n-1 one every 10 ms, each joining through node 0; runs 10 s. */
    private static Simulation converged(int nodes, long seed) {
        Simulation sim = new Simulation(SimConfig.defaults().withNodes(nodes).withSeed(seed));
        sim.start(0, List.of());
        for (int i = 1; i < nodes; i++) {
            sim.runFor(10_000_000L);
            sim.start(i, List.of(0));
        }
        sim.runFor(10 * SECOND);
        return sim;
    }

    @Test
    void nodesHaveDistinctNamesAndAddressesAndStartAtGenerationOne() {
        Simulation sim = converged(8, 1);
        assertThat(sim.name(3)).isEqualTo("node-3");
        assertThat(sim.address(3).toString()).isEqualTo("10.0.0.3:7946");
        assertThat(sim.indexOf("node-3")).isEqualTo(3);
        assertThat(sim.indexOf("nobody")).isEqualTo(-1);
        assertThat(sim.generation(3)).isEqualTo(1);
        assertThat(sim.node(3).self().generation()).isEqualTo(1);
    }

    @Test
    void aSmallClusterConvergesToEveryoneAlive() {
        Simulation sim = converged(8, 1);
        for (int i = 0; i < 8; i++) {
            assertThat(sim.node(i).liveMemberCount()).isEqualTo(8);
        }
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnotherTrace() {
        long first = converged(16, 5).traceHash();
        long again = converged(16, 5).traceHash();
        long other = converged(16, 6).traceHash();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aCrashedNodeReceivesAndSendsNothing() {
        Simulation sim = converged(8, 2);
        long received = sim.node(5).metrics().packetsReceived();
        long sent = sim.node(5).metrics().packetsSent();
        long downDrops = sim.stats().drops().get(NetworkDrop.RECEIVER_DOWN);
        sim.crash(5);
        sim.runFor(20 * SECOND);
        assertThat(sim.state(5)).isEqualTo(NodeState.CRASHED);
        assertThat(sim.node(5).metrics().packetsReceived()).isEqualTo(received);
        assertThat(sim.node(5).metrics().packetsSent()).isEqualTo(sent);
        assertThat(sim.stats().drops().get(NetworkDrop.RECEIVER_DOWN)).isGreaterThan(downDrops);
    }

    @Test
    void aPausedNodeLosesItsDatagramsSendsNothingAndThenResumes() {
        Simulation sim = converged(8, 3);
        long sent = sim.node(4).metrics().packetsSent();
        sim.pause(4, 2 * SECOND);
        assertThat(sim.isPaused(4)).isTrue();
        sim.runFor(2 * SECOND - 1);
        assertThat(sim.node(4).metrics().packetsSent()).isEqualTo(sent);
        assertThat(sim.stats().drops().get(NetworkDrop.RECEIVER_PAUSED)).isPositive();
        sim.runFor(3 * SECOND);
        assertThat(sim.isPaused(4)).isFalse();
        assertThat(sim.node(4).metrics().packetsSent()).isGreaterThan(sent);
        assertThat(sim.state(4)).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void aSlowNodeKeepsItsTimersButReadsItsInboxLate() {
        Simulation sim = converged(8, 4);
        long received = sim.node(2).metrics().packetsReceived();
        long sent = sim.node(2).metrics().packetsSent();
        sim.slowDown(2, 2 * SECOND);
        sim.runFor(1_900_000_000L);
        assertThat(sim.node(2).metrics().packetsReceived()).isEqualTo(received);
        assertThat(sim.node(2).metrics().packetsSent()).isGreaterThan(sent);
        // by now it has read what arrived in the first 1.9 s (at least one probe slot's ping)
        sim.runFor(2 * SECOND);
        assertThat(sim.node(2).metrics().packetsReceived()).isGreaterThan(received);
    }

    @Test
    void aLeavingNodeRunsUntilItsLeaveHasSpreadAndThenStops() {
        Simulation sim = converged(8, 5);
        sim.leave(6);
        // the leave is mailed to all seven members at once, so it may have spread already
        assertThat(sim.state(6)).isIn(NodeState.LEAVING, NodeState.LEFT);
        sim.runFor(sim.config().leaveLingerNanos() + SECOND);
        assertThat(sim.state(6)).isEqualTo(NodeState.LEFT);
        assertThat(sim.node(0).member("node-6").orElseThrow().status()).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void aRestartIsANewGenerationWithTheSameNameAndAddress() {
        Simulation sim = converged(8, 6);
        sim.crash(7);
        sim.runFor(SECOND);
        sim.restart(7, 0);
        assertThat(sim.generation(7)).isEqualTo(2);
        assertThat(sim.node(7).self().generation()).isEqualTo(2);
        assertThat(sim.node(7).self().address()).isEqualTo(sim.address(7));
        sim.runFor(10 * SECOND);
        assertThat(sim.node(0).member("node-7").orElseThrow().id().generation()).isEqualTo(2);
    }

    @Test
    void misuseFailsFast() {
        Simulation sim = converged(4, 7);
        assertThatThrownBy(() -> sim.start(1, List.of(0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sim.restart(1, 0)).isInstanceOf(IllegalStateException.class);
        sim.crash(1);
        assertThatThrownBy(() -> sim.crash(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sim.pause(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.slowDown(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runUntilAConditionStopsAsSoonAsItHoldsOrAtTheDeadline() {
        Simulation sim = new Simulation(SimConfig.defaults().withNodes(4));
        sim.start(0, List.of());
        sim.start(1, List.of(0));
        boolean joined = sim.runUntil(() -> sim.node(0).liveMemberCount() == 2, 5 * SECOND);
        assertThat(joined).isTrue();
        assertThat(sim.nowNanos()).isLessThan(SECOND);
        boolean impossible = sim.runUntil(() -> sim.node(0).liveMemberCount() == 4, 3 * SECOND);
        assertThat(impossible).isFalse();
        assertThat(sim.nowNanos()).isEqualTo(3 * SECOND);
    }
}
