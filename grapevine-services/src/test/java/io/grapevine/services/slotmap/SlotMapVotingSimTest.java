package io.grapevine.services.slotmap;

import static io.grapevine.services.slotmap.SlotMapSim.SECOND;
import static io.grapevine.services.slotmap.SlotMapSim.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A master's voting rules, and an election short of a majority, on simulated nodes. Requests are
 * handed to a voter's service on its own node ({@code callService}), as if they came from the
 * replica named, so each rule is tested alone.
 */
class SlotMapVotingSimTest {
    /** Replicas that never ask on their own (a 10-minute delay), so the test's requests are the only ones. */
    private static final SlotMapConfig PATIENT = SlotMapConfig.defaults().withFailoverDelays(600 * SECOND, 0, 0);

    private static long request(SlotMapSim s, int voter, String from, long epoch, String master) {
        Bytes payload = new VoteMessage(false, epoch, master).encode();
        return s.sim.callService(voter, SlotMap.CHANNEL, SlotMap.class, (m, ctx) -> {
            long before = m.votesGranted();
            m.onMessage(from, payload, ctx);
            return m.votesGranted() - before;
        });
    }

    @Test
    void aMasterVotesOncePerEpochOnlyForAFailedMastersReplicaAndNotTwiceForOneMasterSoon() {
        SlotMapSim s = SlotMapSim.started(6, 21, PATIENT);
        s.assignEvenly(3);
        s.replicate(3, 0);
        s.replicate(4, 0);
        s.replicate(5, 2);
        assertThat(s.runUntilSettled(range(0, 6), 10 * SECOND)).isTrue();
        s.sim.kill(0);
        assertThat(s.sim.runUntil(() -> s.view(1).isFailed("node-0"), s.sim.nowNanos() + 30 * SECOND)).isTrue();
        long epoch = s.map(1).currentEpoch() + 1;

        assertThat(request(s, 1, "node-5", epoch, "node-2")).as("master not FAIL").isZero();
        assertThat(request(s, 1, "node-5", epoch, "node-0")).as("requester replicates another master").isZero();
        assertThat(request(s, 1, "node-3", epoch - 1, "node-0")).as("stale epoch").isZero();
        assertThat(request(s, 1, "node-3", epoch, "node-0")).as("first valid request").isEqualTo(1);
        assertThat(request(s, 1, "node-4", epoch, "node-0")).as("second request of the epoch").isZero();
        assertThat(request(s, 1, "node-4", epoch + 1, "node-0")).as("same master within 2x node timeout").isZero();
        s.sim.runFor(2 * SECOND + 1);
        assertThat(request(s, 1, "node-4", epoch + 2, "node-0")).as("after 2x node timeout").isEqualTo(1);
        assertThat(request(s, 3, "node-4", epoch + 3, "node-0")).as("a replica does not vote").isZero();
    }

    @Test
    void aReplicaReachingTooFewOwnersIsNotPromotedUntilItReachesAMajority() {
        SlotMapSim s = SlotMapSim.started(6, 22);
        s.assignEvenly(5);
        s.replicate(5, 0);
        assertThat(s.runUntilSettled(range(0, 6), 10 * SECOND)).isTrue();
        for (int owner = 2; owner < 5; owner++) {
            s.sim.network().block(5, owner); // its requests reach node-1 only: 1 vote of the 3 needed
        }
        s.sim.kill(0);
        List<Integer> live = range(1, 6);
        assertThat(s.sim.runUntil(() -> s.view(5).isFailed("node-0"), s.sim.nowNanos() + 30 * SECOND)).isTrue();
        s.runChecking(live, 20 * SECOND);
        assertThat(s.map(5).electionsWon()).isZero();
        assertThat(s.view(1).owner(0)).contains("node-0");
        assertThat(s.map(1).votesGranted()).isPositive();

        s.sim.network().heal();
        assertThat(s.sim.runUntil(() -> live.stream().allMatch(i -> s.view(i).owner(0).equals(Optional.of("node-5"))),
                s.sim.nowNanos() + 30 * SECOND)).isTrue();
        assertThat(s.runUntilSettled(live, 10 * SECOND)).isTrue();
        assertThat(s.map(5).electionsWon()).isEqualTo(1);
    }
}
