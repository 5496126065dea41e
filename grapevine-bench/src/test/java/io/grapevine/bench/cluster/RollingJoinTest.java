package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingJoinTest {
    @Test
    void eachJoinerIsTimedFromItsJoinToTheLastEarlierMemberSeeingIt() {
        RollingJoin roll = new RollingJoin();
        assertThat(roll.nextJoiner()).isEqualTo(1);
        roll.joined(1, 1_000);
        roll.seenByAll(1, Map.of(0, 1_040L));
        roll.joined(2, 2_000);
        roll.seenByAll(2, Map.of(0, 2_015L, 1, 2_090L));
        roll.joined(3, 5_000);
        roll.seenByAll(3, Map.of(0, 5_070L, 1, 5_010L, 2, 5_030L));

        assertThat(roll.perJoinerMillis()).containsExactly(40.0, 90.0, 70.0);
        // the time spent joining: 40 + 90 + 70, without the gaps in which the next node started
        assertThat(roll.totalMillis()).isEqualTo(200.0);
        // from joiner 1's join (1 000) to joiner 3 seen by all (5 070): start-up gaps between joiners included
        assertThat(roll.spanMillis()).isEqualTo(4_070.0);
        assertThat(roll.firstJoinMillis()).isEqualTo(1_000);
        assertThat(roll.figures(3)).containsEntry(BenchScenario.Metric.ROLL_JOINER, List.of(40.0, 90.0, 70.0))
                .containsEntry(BenchScenario.Metric.ROLL_TOTAL, List.of(200.0))
                .containsEntry(BenchScenario.Metric.ROLL_SPAN, List.of(4_070.0));
    }

    @Test
    void aRunThatStoppedShortHasNoFigures() {
        RollingJoin roll = new RollingJoin();
        roll.joined(1, 1_000);
        roll.seenByAll(1, Map.of(0, 1_040L));
        roll.joined(2, 2_000);
        assertThat(roll.perJoinerMillis()).containsExactly(40.0);
        assertThat(roll.figures(3)).isEmpty();
    }

    @Test
    void joinersAreRecordedInTurnAndOnlyOnceEveryEarlierMemberSawThem() {
        RollingJoin roll = new RollingJoin();
        assertThatThrownBy(() -> roll.joined(2, 1_000)).hasMessageContaining("joiner 2 out of turn: next is 1");
        assertThatThrownBy(roll::firstJoinMillis).hasMessageContaining("no joiner has joined");
        roll.joined(1, 1_000);
        assertThatThrownBy(() -> roll.joined(2, 1_500)).hasMessageContaining("once joiner 1 is in");
        roll.seenByAll(1, Map.of(0, 1_010L));
        roll.joined(2, 2_000);
        assertThatThrownBy(() -> roll.seenByAll(2, Map.of(1, 2_010L))).hasMessageContaining("member 0 has not seen joiner 2");
        assertThatThrownBy(() -> roll.seenByAll(1, Map.of(0, 2_010L))).hasMessageContaining("joiner 1 has no pending join");
    }
}
