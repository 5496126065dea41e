package io.grapevine.core.state;

import java.util.List;

/**
 * The answer to a {@link Digest}: per stream, the entries the peer lacks, cut to a byte budget.
 *
 * @param parts the stream parts, in the order the policy chose
 */
public record Delta(List<DeltaPart> parts) {
    /** The empty delta. */
    public static final Delta EMPTY = new Delta(List.of());

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
