package io.grapevine.core.wire;

/**
 * The opening of a periodic push-pull, sent over a stream instead of the full member list:
 * the hash of the sender's member view ({@code MemberTable.viewHash}) and its user-event
 * clock. A receiver whose view hashes the same is in sync and answers with at most its recent
 * events; otherwise it answers with its full member list as a request, and the exchange goes
 * on as a full push-pull.
 *
 * @param viewHash the sender's view hash (any 64 bits)
 * @param eventClock the sender's user-event Lamport clock
 */
public record MemberListDigest(long viewHash, long eventClock) implements WireMessage {
    /** Validates the fields. */
    public MemberListDigest {
        if (eventClock < 0) {
            throw new IllegalArgumentException("eventClock must be >= 0: " + eventClock);
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.MEMBER_LIST_DIGEST;
    }
}
