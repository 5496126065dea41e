package io.grapevine.core.wire;

/**
 * Marks the frame that follows it in the same datagram as direct mail number {@code id} of
 * the packet's sender, which the receiver acknowledges with a {@link MailAck}. The tagged
 * frame is handled as it would be untagged; a datagram is delivered whole or not at all, so an
 * acknowledgement of the tag is one of the mail. Ids are the sender's own sequence; a receiver
 * only echoes them.
 *
 * @param id the mail's id, at least 1
 */
public record MailTag(long id) implements WireMessage {
    /** Validates the id. */
    public MailTag {
        if (id < 1) {
            throw new IllegalArgumentException("mail id must be >= 1: " + id);
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.MAIL_TAG;
    }
}
