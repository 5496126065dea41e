package io.grapevine.services.slotmap;

import static io.grapevine.services.slotmap.SlotMapSim.MS;
import static io.grapevine.services.slotmap.SlotMapSim.SECOND;
import static io.grapevine.services.slotmap.SlotMapSim.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replica failover in the simulator: FAIL by the slot owners, ranked elections, partitions. */
class SlotMapFailoverSimTest {
    /** Masters 0..2 with the slots split evenly; replica 3 of 0, 4 of 1, 5 of 2. */
    private static SlotMapSim threeMastersThreeReplicas(long seed) {
        SlotMapSim s = SlotMapSim.started(6, seed);
        s.assignEvenly(3);
        for (int r = 3; r < 6; r++) {
            s.replicate(r, r - 3);
        }
        assertThat(s.runUntilSettled(range(0, 6), 10 * SECOND)).isTrue();
        return s;
    }

    @Test
    void whenAnOwnerIsKilledItsReplicaTakesItsSlotsInEveryView() {
        SlotMapSim s = threeMastersThreeReplicas(11);
        long oldEpoch = s.view(1).currentEpoch();
        s.sim.kill(0);
        List<Integer> live = range(1, 6);
        assertThat(s.sim.runUntil(() -> live.stream().allMatch(i -> s.view(i).owner(0).equals(java.util.Optional.of("node-3"))),
                s.sim.nowNanos() + 30 * SECOND)).isTrue();
        assertThat(s.runUntilSettled(live, 10 * SECOND)).isTrue();
        for (int i : live) {
            assertThat(s.view(i).isFailed("node-0")).isTrue();
            assertThat(s.view(i).node("node-3").orElseThrow().ranges()).containsExactly(new SlotRange(0, 5460));
            assertThat(s.view(i).node("node-3").orElseThrow().master()).isEmpty();
        }
        assertThat(s.map(3).electionsWon()).isEqualTo(1);
        assertThat(s.map(3).configEpoch()).isGreaterThan(oldEpoch);
        assertThat(s.map(4).electionsWon() + s.map(5).electionsWon()).isZero();
    }

    @Test
    void theReplicaWithTheHighestOffsetGoesFirstAndTheOtherFollowsIt() {
        SlotMapSim s = SlotMapSim.started(5, 12);
        s.assignEvenly(3);
        s.replicate(3, 0);
        s.replicate(4, 0);
        s.offset(3, 100);
        s.offset(4, 500);
        assertThat(s.runUntilSettled(range(0, 5), 10 * SECOND)).isTrue();
        s.sim.kill(0);
        List<Integer> live = range(1, 5);
        assertThat(s.sim.runUntil(() -> s.settled(live) && s.view(1).owner(0).equals(java.util.Optional.of("node-4"))
                && s.view(1).node("node-3").orElseThrow().master().equals(java.util.Optional.of("node-4")),
                s.sim.nowNanos() + 30 * SECOND)).isTrue();
        assertThat(s.map(4).electionsWon()).isEqualTo(1);
        assertThat(s.map(3).electionsWon()).isZero();
    }

    @Test
    void twoReplicasAskingAtOnceElectAtMostOneAndTheClusterSettles() {
        SlotMapConfig noDelay = SlotMapConfig.defaults().withFailoverDelays(0, 0, 0);
        SlotMapSim s = SlotMapSim.started(6, 13, noDelay);
        s.assignEvenly(3);
        s.replicate(3, 0);
        s.replicate(4, 0);
        assertThat(s.runUntilSettled(range(0, 6), 10 * SECOND)).isTrue();
        s.sim.kill(0);
        List<Integer> live = range(1, 6);
        assertThat(s.sim.runUntil(() -> s.view(1).owner(0).filter(o -> !o.equals("node-0")).isPresent(),
                s.sim.nowNanos() + 60 * SECOND)).isTrue();
        assertThat(s.runUntilSettled(live, 20 * SECOND)).isTrue();
        s.runChecking(live, 10 * SECOND);
        assertThat(s.map(3).electionsWon() + s.map(4).electionsWon()).isEqualTo(1);
        assertThat(s.settled(live)).isTrue();
        String winner = s.view(1).owner(0).orElseThrow();
        String loser = winner.equals("node-3") ? "node-4" : "node-3";
        assertThat(s.view(2).node(loser).orElseThrow().master()).contains(winner);
    }

    @Test
    void aMinorityPartitionNeverElectsAndTheHealedClusterHasOneOwnerPerSlot() {
        SlotMapSim s = threeMastersThreeReplicas(14);
        // minority: master node-0 and node-4 (replica of node-1); majority: node-1, node-2, node-3, node-5
        s.sim.network().partition(new int[] {1, 0, 0, 0, 1, 0});
        List<Integer> all = range(0, 6);
        s.runChecking(all, 30 * SECOND);
        assertThat(s.map(4).electionsWon()).isZero();
        assertThat(s.map(4).view().node("node-4").orElseThrow().master()).contains("node-1");
        assertThat(s.view(4).isFailed("node-1")).isFalse();
        assertThat(s.map(3).electionsWon()).isEqualTo(1);
        assertThat(s.view(1).owner(0)).contains("node-3");
        // the old master still believes it owns its slots in the minority: Redis's split brain, bounded by the heal
        assertThat(s.view(0).owner(0)).contains("node-0");

        s.sim.network().heal();
        assertThat(s.runUntilSettled(all, 60 * SECOND)).isTrue();
        s.runChecking(all, 5 * SECOND);
        assertThat(s.settled(all)).isTrue();
        for (int i : all) {
            assertThat(s.view(i).owner(0)).contains("node-3");
            assertThat(s.view(i).owner(6000)).contains("node-1");
        }
        assertThat(s.view(2).node("node-0").orElseThrow().master()).contains("node-3");
    }

    @Test
    void withoutAMajorityOfOwnersNoReplicaIsPromoted() {
        SlotMapSim s = threeMastersThreeReplicas(15);
        s.sim.kill(0);
        s.sim.kill(1); // two of three owners gone: the third alone is no majority
        List<Integer> live = range(2, 6);
        s.runChecking(live, 30 * SECOND);
        for (int r = 3; r < 6; r++) {
            assertThat(s.map(r).electionsWon()).isZero();
        }
        assertThat(s.view(3).isFailed("node-0")).isFalse();
        assertThat(s.view(2).owner(0)).contains("node-0");
        assertThat(s.view(2).node("node-0").orElseThrow().failureReports()).isEqualTo(1);
        assertThat(s.sim.nowNanos()).isGreaterThan(30 * SECOND - 100 * MS);
    }
}
