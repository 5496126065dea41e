package io.grapevine.core.wire;

import java.util.List;

/**
 * Acknowledges direct mail: the ids of the {@link MailTag}s the sender of this frame received
 * from the receiver of this frame. Rides on any packet going that way when one leaves soon
 * enough, else goes alone.
 *
 * @param ids the acknowledged mail ids, each at least 1; 1..{@link #MAX_IDS} of them
 */
public record MailAck(List<Long> ids) implements WireMessage {
    /** Most ids in one acknowledgement (a receiver flushes a longer list in several). */
    public static final int MAX_IDS = 64;

    /** Validates and copies the ids. */
    public MailAck {
        ids = List.copyOf(ids);
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("a mail ack carries 1.." + MAX_IDS + " ids: " + ids.size());
        }
        for (long id : ids) {
            if (id < 1) {
                throw new IllegalArgumentException("mail id must be >= 1: " + id);
            }
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.MAIL_ACK;
    }
}
