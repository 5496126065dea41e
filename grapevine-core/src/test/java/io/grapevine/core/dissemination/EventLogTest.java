package io.grapevine.core.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventLogTest {
    @Test
    void anEventIsNewOnceAndThenDuplicate() {
        EventLog log = new EventLog(16);
        assertThat(log.accept("a", 1)).isEqualTo(EventLog.Verdict.NEW);
        assertThat(log.accept("a", 1)).isEqualTo(EventLog.Verdict.DUPLICATE);
        assertThat(log.accept("b", 1)).isEqualTo(EventLog.Verdict.NEW);
    }

    @Test
    void eventsOlderThanTheWindowAreStale() {
        EventLog log = new EventLog(16);
        log.accept("a", 100);
        assertThat(log.accept("a", 50)).isEqualTo(EventLog.Verdict.STALE);
        assertThat(log.accept("a", 90)).isEqualTo(EventLog.Verdict.NEW);
    }

    @Test
    void aJoinerIgnoresEventsItsSeedHadAlreadySeen() {
        EventLog log = new EventLog(16);
        log.ignoreBefore(10);
        assertThat(log.accept("a", 10)).isEqualTo(EventLog.Verdict.STALE);
        assertThat(log.accept("a", 11)).isEqualTo(EventLog.Verdict.NEW);
    }

    @Test
    void theClockWitnessesRemoteTimes() {
        EventLog log = new EventLog(16);
        log.accept("a", 41);
        assertThat(log.tick()).isEqualTo(42);
    }

    @Test
    void memoryIsBoundedByTheWindow() {
        EventLog log = new EventLog(16);
        for (int i = 1; i <= 1000; i++) {
            log.accept("a", i);
        }
        // an id evicted from the window is refused as stale, never delivered twice
        assertThat(log.accept("a", 900)).isEqualTo(EventLog.Verdict.STALE);
    }
}
