package io.grapevine.services.slotmap;

import static io.grapevine.services.slotmap.SlotMapSim.SECOND;
import static io.grapevine.services.slotmap.SlotMapSim.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slot ownership in the simulator: assignment, moves, conflicting claims, joins. */
class SlotMapOwnershipSimTest {
    @Test
    void anEvenAssignmentReachesEveryNode() {
        SlotMapSim s = SlotMapSim.started(6, 1);
        s.assignEvenly(3);
        assertThat(s.runUntilSettled(range(0, 6), 10 * SECOND)).isTrue();
        SlotMapView view = s.view(5);
        assertThat(view.assignedSlots()).isEqualTo(KeySlot.SLOTS);
        assertThat(view.slotOwners()).containsExactly("node-0", "node-1", "node-2");
        assertThat(view.node("node-0").orElseThrow().ranges()).containsExactly(new SlotRange(0, 5460));
        assertThat(view.ownerOfKey("foo")).contains("node-2"); // slot 12182
        assertThat(view.node("node-4").orElseThrow().ranges()).isEmpty();
    }

    @Test
    void aMoveBumpsTheTargetsEpochAndTheSourceDropsTheSlots() {
        SlotMapSim s = SlotMapSim.started(5, 2);
        s.assignEvenly(2);
        assertThat(s.runUntilSettled(range(0, 5), 10 * SECOND)).isTrue();
        long sourceEpoch = s.map(0).configEpoch();
        s.claim(1, new SlotRange(100, 199));
        assertThat(s.runUntilSettled(range(0, 5), 10 * SECOND)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(s.view(i).owner(150)).contains("node-1");
            assertThat(s.view(i).owner(99)).contains("node-0");
        }
        assertThat(s.map(1).configEpoch()).isGreaterThan(sourceEpoch);
        assertThat(s.view(0).node("node-0").orElseThrow().ranges())
                .containsExactly(new SlotRange(0, 99), new SlotRange(200, 8191));
    }

    @Test
    void claimsWithEqualEpochsAreResolvedByTheLowerNameBumpingItsEpoch() {
        SlotMapSim s = SlotMapSim.started(4, 3);
        // both claim at the same instant, each seeing epoch 0: both pick config epoch 1
        s.claim(2, new SlotRange(0, 999));
        s.claim(1, new SlotRange(500, 1499));
        assertThat(s.map(1).configEpoch()).isEqualTo(s.map(2).configEpoch());
        assertThat(s.runUntilSettled(range(0, 4), 10 * SECOND)).isTrue();
        s.runChecking(range(0, 4), 2 * SECOND);
        assertThat(s.map(1).configEpoch()).isGreaterThan(s.map(2).configEpoch());
        for (int i = 0; i < 4; i++) {
            assertThat(s.view(i).owner(700)).contains("node-1");
            assertThat(s.view(i).owner(100)).contains("node-2");
            assertThat(s.view(i).owner(1400)).contains("node-1");
        }
    }

    @Test
    void aMasterThatLosesItsLastSlotBecomesAReplicaOfTheWinner() {
        SlotMapSim s = SlotMapSim.started(4, 4);
        s.claim(0, new SlotRange(0, 10));
        assertThat(s.runUntilSettled(range(0, 4), 10 * SECOND)).isTrue();
        s.claim(3, new SlotRange(0, 10));
        assertThat(s.runUntilSettled(range(0, 4), 10 * SECOND)).isTrue();
        assertThat(s.view(2).node("node-0").orElseThrow().master()).contains("node-3");
        assertThat(s.view(2).owner(5)).contains("node-3");
    }

    @Test
    void aNodeJoiningLaterThroughAnyMemberLearnsTheMap() {
        SlotMapSim s = new SlotMapSim(5, 5, SlotMapConfig.defaults());
        s.sim.start(0, List.of());
        for (int i = 1; i < 4; i++) {
            s.sim.runFor(10 * SlotMapSim.MS);
            s.sim.start(i, List.of(i - 1));
        }
        s.sim.runFor(3 * SECOND);
        s.assignEvenly(4);
        assertThat(s.runUntilSettled(range(0, 4), 10 * SECOND)).isTrue();
        s.sim.start(4, List.of(2)); // MEET through node-2
        assertThat(s.runUntilSettled(range(0, 5), 20 * SECOND)).isTrue();
        assertThat(s.view(4).assignedSlots()).isEqualTo(KeySlot.SLOTS);
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        long first = movesTrace(9);
        assertThat(movesTrace(9)).isEqualTo(first);
    }

    private static long movesTrace(long seed) {
        SlotMapSim s = SlotMapSim.started(4, seed);
        s.assignEvenly(2);
        s.sim.runFor(2 * SECOND);
        s.claim(3, new SlotRange(0, 100));
        s.sim.runFor(2 * SECOND);
        return s.sim.traceHash();
    }
}
