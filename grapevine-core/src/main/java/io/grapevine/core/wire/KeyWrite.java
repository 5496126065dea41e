package io.grapevine.core.wire;

import java.util.List;

/**
 * A shared-keyspace write sent by direct mail from its coordinator to a replica of the key.
 * The replica applies each entry by last-writer-wins and, when {@code opId} is not 0,
 * answers {@link KeyWriteAck} so that the coordinator can count {@code w} acknowledgements.
 *
 * @param opId the coordinator's operation id, or 0 when no acknowledgement is wanted
 * @param entries the entries written (values or tombstones)
 */
public record KeyWrite(long opId, List<SharedEntry> entries) implements WireMessage {
    /** Validates the fields. */
    public KeyWrite {
        if (opId < 0) {
            throw new IllegalArgumentException("opId must be >= 0: " + opId);
        }
        entries = List.copyOf(entries);
    }

    @Override
    public MessageType kind() {
        return MessageType.KEY_WRITE;
    }
}
