package io.grapevine.core.wire;

import java.util.List;

/**
 * The answer to a {@link Digest}: per stream, the entries the peer lacks, cut to a byte budget.
 *
 * @param parts the stream parts, in the order the policy chose
 * @param resetDeferred true when the peer needs a reset that did not fit the budget: it
 *                      should catch up through a stream exchange with a larger budget
 */
public record Delta(List<DeltaPart> parts, boolean resetDeferred) {
    /** The empty delta. */
    public static final Delta EMPTY = new Delta(List.of(), false);

    /** Freezes the parts. */
    public Delta {
        parts = List.copyOf(parts);
    }

    /** Total number of entries. */
    public int entryCount() {
        int count = 0;
        for (DeltaPart part : parts) {
            count += part.entries().size();
        }
        return count;
    }
}
