package io.grapevine.services.blocklog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The leader rule and the takeover's timing, on their own. */
class LeadershipTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLowestNamedLiveMemberLeadsAndYieldsToALowerOne() {
        Leadership b = new Leadership(SECOND);
        assertThat(b.review("node-b", List.of("node-c", "node-d"), 0)).isEqualTo(Leadership.Step.TAKE_OVER);
        assertThat(b.leader()).isEqualTo("node-b");
        assertThat(b.review("node-b", List.of("node-c"), 10)).isEqualTo(Leadership.Step.NONE);
        assertThat(b.review("node-b", List.of("node-a", "node-c"), 20)).isEqualTo(Leadership.Step.YIELD);
        assertThat(b.leader()).isEqualTo("node-a");
        assertThat(b.producing()).isFalse();
        assertThat(b.review("node-b", List.of("node-c"), 30)).as("node-a died").isEqualTo(Leadership.Step.TAKE_OVER);
    }

    @Test
    void aNewLeaderProducesOnlyAfterTheTakeoverTimeAndOnceItHoldsTheHighestReportedBlock() {
        Leadership leadership = new Leadership(SECOND);
        leadership.review("node-a", List.of("node-b"), 0);
        assertThat(leadership.inTakeover()).isTrue();
        assertThat(leadership.deadlineNanos(0)).isEqualTo(SECOND);
        assertThat(leadership.finishTakeover(7, 7, SECOND - 1)).as("too early").isFalse();
        assertThat(leadership.finishTakeover(5, 7, SECOND)).as("still missing blocks 6 and 7").isFalse();
        assertThat(leadership.deadlineNanos(SECOND)).isEqualTo(5 * SECOND);
        assertThat(leadership.finishTakeover(7, 7, SECOND + 3)).isTrue();
        assertThat(leadership.producing()).isTrue();
        assertThat(leadership.finishTakeover(7, 7, SECOND + 4)).as("only once").isFalse();
        assertThat(leadership.deadlineNanos(SECOND + 4)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aNewLeaderGivesUpWaitingForABlockThatNeverCame() {
        Leadership leadership = new Leadership(SECOND);
        leadership.review("node-a", List.of(), 0);
        assertThat(leadership.finishTakeover(5, 9, (1 + Leadership.GIVE_UP_FACTOR) * SECOND - 1)).isFalse();
        assertThat(leadership.finishTakeover(5, 9, (1 + Leadership.GIVE_UP_FACTOR) * SECOND)).isTrue();
    }
}
