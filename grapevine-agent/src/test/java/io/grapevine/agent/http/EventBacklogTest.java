package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventBacklog}: what a client resuming from each kind of id gets. */
class EventBacklogTest {
    private static EventBacklog holding(int capacity, int events) {
        EventBacklog backlog = new EventBacklog(capacity);
        for (int i = 0; i < events; i++) {
            backlog.append(new SseEvent(backlog.nextId(), "key-changed", "{}"));
        }
        return backlog;
    }

    private static List<Long> ids(EventBacklog.Replay replay) {
        return replay.events().stream().map(SseEvent::id).toList();
    }

    @Test
    void aClientWithinTheBacklogGetsExactlyTheEventsAfterItsId() {
        EventBacklog.Replay replay = holding(4, 6).after(3);

        assertThat(ids(replay)).containsExactly(4L, 5L, 6L);
        assertThat(replay.gap()).isFalse();
    }

    @Test
    void aClientThatSawEverythingGetsNothing() {
        EventBacklog.Replay replay = holding(4, 6).after(6);

        assertThat(replay.events()).isEmpty();
        assertThat(replay.gap()).isFalse();
    }

    @Test
    void aClientThatFellOffTheBacklogIsToldWhichIdsItMissed() {
        EventBacklog.Replay replay = holding(4, 10).after(2);

        assertThat(ids(replay)).containsExactly(7L, 8L, 9L, 10L);
        assertThat(replay.gap()).isTrue();
        assertThat(replay.missedFrom()).isEqualTo(3);
        assertThat(replay.missedTo()).isEqualTo(6);
        assertThat(replay.unknownId()).isFalse();
    }

    @Test
    void zeroMeansFromTheStartAndIsAGapOnlyOnceTheStartWasOverwritten() {
        assertThat(holding(4, 3).after(0).gap()).isFalse();
        assertThat(ids(holding(4, 3).after(0))).containsExactly(1L, 2L, 3L);
        assertThat(holding(4, 5).after(0).missedTo()).isEqualTo(1);
    }

    @Test
    void anIdAheadOfTheStreamIsUnknownAndGetsEverythingHeld() {
        EventBacklog.Replay replay = holding(4, 5).after(99);

        assertThat(replay.unknownId()).isTrue();
        assertThat(replay.gap()).isTrue();
        assertThat(ids(replay)).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void idsMustBeConsecutive() {
        EventBacklog backlog = holding(4, 2);

        assertThatThrownBy(() -> backlog.append(new SseEvent(5, "x", "{}"))).hasMessage("event id 5 must be 3");
    }
}
