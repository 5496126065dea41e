package io.grapevine.core.wire;

import java.util.List;

/**
 * A scan of the shared keys starting with {@code prefix} in the given ranges, sent to one
 * replica of each; answered by {@link KeyReadReply} with the live entries found.
 *
 * @param opId the coordinator's operation id, positive
 * @param prefix the key prefix ("" for all keys)
 * @param partitions the ranges to scan, each {@code >= 0}
 */
public record KeyScan(long opId, String prefix, List<Integer> partitions) implements WireMessage {
    /** Validates the fields. */
    public KeyScan {
        if (opId <= 0) {
            throw new IllegalArgumentException("opId must be > 0: " + opId);
        }
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
        partitions = List.copyOf(partitions);
        for (int partition : partitions) {
            if (partition < 0) {
                throw new IllegalArgumentException("partition must be >= 0: " + partition);
            }
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.KEY_SCAN;
    }
}
