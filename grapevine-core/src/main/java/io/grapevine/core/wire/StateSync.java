package io.grapevine.core.wire;

import java.util.List;

/**
 * A full membership state exchange, sent over a stream: a joiner to its seed, and every
 * push-pull interval between two random members (anti-entropy). The receiver of a request
 * merges it and answers with its own state ({@code response = true}).
 *
 * @param join true when the sender is joining (the seed then announces it at once)
 * @param response true for the answer to a request
 * @param eventClock the sender's user-event Lamport clock, so a joiner skips old events
 * @param members the sender's member table, tombstones included
 */
public record StateSync(boolean join, boolean response, long eventClock, List<MemberState> members)
        implements WireMessage {
    /** Validates and freezes the fields. */
    public StateSync {
        if (eventClock < 0) {
            throw new IllegalArgumentException("eventClock must be >= 0: " + eventClock);
        }
        members = List.copyOf(members);
    }

    @Override
    public MessageType kind() {
        return MessageType.STATE_SYNC;
    }
}
