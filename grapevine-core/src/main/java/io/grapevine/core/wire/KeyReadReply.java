package io.grapevine.core.wire;

import java.util.List;

/**
 * A replica's answer to a {@link KeyRead} (zero or one entry, tombstones included so that the
 * coordinator can order replies by last-writer-wins) or a {@link KeyScan} (the live entries).
 *
 * @param opId the coordinator's operation id, positive
 * @param complete false when the answer was cut to the repair byte budget
 * @param entries the entries found
 */
public record KeyReadReply(long opId, boolean complete, List<SharedEntry> entries) implements WireMessage {
    /** Validates the fields. */
    public KeyReadReply {
        if (opId <= 0) {
            throw new IllegalArgumentException("opId must be > 0: " + opId);
        }
        entries = List.copyOf(entries);
    }

    @Override
    public MessageType kind() {
        return MessageType.KEY_READ_REPLY;
    }
}
