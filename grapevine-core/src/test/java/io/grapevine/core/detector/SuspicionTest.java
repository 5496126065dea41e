package io.grapevine.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuspicionTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void timeoutStartsAtMaximumAndReachesMinimumAfterKConfirmations() {
        Suspicion suspicion = new Suspicion("a", 0, 4 * SECOND, 24 * SECOND, 3, 64);
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
        Suspicion suspicion = new Suspicion("a", 0, SECOND, 6 * SECOND, 3, 64);
        assertThat(suspicion.confirm("a")).isFalse();
        assertThat(suspicion.confirm("b")).isTrue();
        assertThat(suspicion.confirm("b")).isFalse();
        assertThat(suspicion.confirmers()).containsExactly("b");
    }

    @Test
    void confirmersAreBounded() {
        Suspicion suspicion = new Suspicion("a", 0, SECOND, 6 * SECOND, 3, 2);
        suspicion.confirm("b");
        suspicion.confirm("c");
        assertThat(suspicion.confirm("d")).isFalse();
        assertThat(suspicion.confirmationCount()).isEqualTo(2);
    }

    @Test
    void withoutExpectedConfirmationsTheTimeoutIsTheMinimum() {
        Suspicion suspicion = new Suspicion("a", 100, SECOND, 6 * SECOND, 0, 64);
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
        Suspicion suspicion = new Suspicion("a", 0, SECOND, SECOND, 0, 64);
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
}
