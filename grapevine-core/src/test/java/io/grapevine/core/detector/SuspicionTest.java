package io.grapevine.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuspicionTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void timeoutStartsAtMaximumAndReachesMinimumAfterKConfirmations() {
        Suspicion suspicion = new Suspicion("a", 0, 4 * SECOND, 24 * SECOND, 3, 64, Long.MAX_VALUE);
        assertThat(suspicion.timeoutNanos()).isEqualTo(24 * SECOND);
        suspicion.confirm("b");
        long afterOne = suspicion.timeoutNanos();
        suspicion.confirm("c");
        long afterTwo = suspicion.timeoutNanos();
        suspicion.confirm("d");
        assertThat(afterOne).isLessThan(24 * SECOND).isGreaterThan(afterTwo);
        assertThat(afterTwo).isGreaterThan(4 * SECOND);
        assertThat(suspicion.timeoutNanos()).isEqualTo(4 * SECOND);
        // log-scaled: the first confirmation takes half of the way when k = 3
        assertThat(afterOne).isEqualTo(24 * SECOND - 10 * SECOND);
    }

    @Test
    void originAndRepeatedConfirmersDoNotCount() {
        Suspicion suspicion = new Suspicion("a", 0, SECOND, 6 * SECOND, 3, 64, Long.MAX_VALUE);
        assertThat(suspicion.confirm("a")).isFalse();
        assertThat(suspicion.confirm("b")).isTrue();
        assertThat(suspicion.confirm("b")).isFalse();
        assertThat(suspicion.confirmers()).containsExactly("b");
    }

    @Test
    void confirmersAreBounded() {
        Suspicion suspicion = new Suspicion("a", 0, SECOND, 6 * SECOND, 3, 2, Long.MAX_VALUE);
        suspicion.confirm("b");
        suspicion.confirm("c");
        assertThat(suspicion.confirm("d")).isFalse();
        assertThat(suspicion.confirmationCount()).isEqualTo(2);
    }

    @Test
    void withoutExpectedConfirmationsTheTimeoutIsTheMinimum() {
        Suspicion suspicion = new Suspicion("a", 100, SECOND, 6 * SECOND, 0, 64, Long.MAX_VALUE);
        assertThat(suspicion.deadlineNanos()).isEqualTo(100 + SECOND);
    }

    @Test
    void minimumTimeoutScalesWithLogOfClusterSize() {
        assertThat(Suspicion.minTimeoutNanos(4, 1, SECOND)).isEqualTo(4 * SECOND);
        assertThat(Suspicion.minTimeoutNanos(4, 10, SECOND)).isEqualTo(4 * SECOND);
        assertThat(Suspicion.minTimeoutNanos(4, 100, SECOND)).isEqualTo(8 * SECOND);
        assertThat(Suspicion.minTimeoutNanos(4, 1000, SECOND)).isEqualTo(12 * SECOND);
    }

    @Test
    void awaitingQuorumHasNoDeadline() {
        Suspicion suspicion = new Suspicion("a", 0, SECOND, SECOND, 0, 64, Long.MAX_VALUE);
        suspicion.awaitQuorum();
        assertThat(suspicion.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void localHealthIsClampedAndScalesTheMultiplier() {
        LocalHealth health = new LocalHealth(8);
        health.apply(-3);
        assertThat(health.multiplier()).isEqualTo(1);
        health.apply(100);
        assertThat(health.score()).isEqualTo(7);
        assertThat(health.multiplier()).isEqualTo(8);
    }

    @Test
    void anOwnUnansweredProbeWithKConfirmationsExpiresTheGraceAfterTheProbe() {
        // raised at 1 s (a probe period after the probe at 0), Lifeguard min 6 s, grace 5.1 s
        Suspicion suspicion = new Suspicion("a", SECOND, 6 * SECOND, 36 * SECOND, 2, 64, 5_100_000_000L);
        suspicion.observedSilence(0);
        assertThat(suspicion.silenceDeadlineNanos()).as("waits for k confirmations").isEqualTo(Long.MAX_VALUE);
        suspicion.confirm("b");
        suspicion.confirm("c");
        assertThat(suspicion.deadlineNanos()).isEqualTo(5_100_000_000L);
        suspicion.observedSilence(SECOND);
        assertThat(suspicion.deadlineNanos()).as("the earliest unanswered probe counts").isEqualTo(5_100_000_000L);
    }

    @Test
    void withoutAnOwnProbeTheLifeguardTimeoutStands() {
        Suspicion suspicion = new Suspicion("a", SECOND, 6 * SECOND, 36 * SECOND, 2, 64, 5_100_000_000L);
        suspicion.confirm("b");
        suspicion.confirm("c");
        assertThat(suspicion.deadlineNanos()).isEqualTo(7 * SECOND);
    }

    @Test
    void aStallPostponesTheSilenceAnchorToo() {
        Suspicion suspicion = new Suspicion("a", SECOND, 6 * SECOND, 36 * SECOND, 0, 64, 5 * SECOND);
        suspicion.observedSilence(0);
        suspicion.postpone(3 * SECOND);
        assertThat(suspicion.deadlineNanos()).isEqualTo(8 * SECOND);
    }

    @Test
    void aSilenceRuleTurnedOffNeverExpiresEarly() {
        Suspicion suspicion = new Suspicion("a", SECOND, 6 * SECOND, 6 * SECOND, 0, 64, Long.MAX_VALUE);
        suspicion.observedSilence(0);
        assertThat(suspicion.deadlineNanos()).isEqualTo(7 * SECOND);
    }
}
