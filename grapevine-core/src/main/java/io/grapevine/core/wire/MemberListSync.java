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
 * @param observedHost in a response, the host the request came from as the responder saw it
 *                     (a joiner behind NAT learns it advertises the wrong address); empty otherwise
 * @param members the sender's member table, tombstones included
 */
public record MemberListSync(boolean join, boolean response, long eventClock, String observedHost,
                        List<MemberState> members) implements WireMessage {
    /** Validates and freezes the fields. */
    public MemberListSync {
        if (eventClock < 0) {
            throw new IllegalArgumentException("eventClock must be >= 0: " + eventClock);
        }
        if (observedHost == null) {
            throw new IllegalArgumentException("observedHost must not be null (empty when unknown)");
        }
        WireLimits.checkLength("observedHost", observedHost);
        members = List.copyOf(members);
    }

    @Override
    public MessageType kind() {
        return MessageType.MEMBER_LIST_SYNC;
    }
}
