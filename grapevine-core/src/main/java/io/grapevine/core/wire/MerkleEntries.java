package io.grapevine.core.wire;

import java.util.List;

/**
 * The last step of a Merkle repair: the sender's entries in the leaves that differ. A
 * {@code reply} request asks the receiver to apply them and send back what the sender lacks
 * (its own entries of the same leaves that differ from the ones received), so both end with
 * the union, resolved by last-writer-wins.
 *
 * @param reply true when the receiver should answer with what the sender lacks
 * @param complete true when {@code entries} holds every entry the sender has in
 *                 {@code leaves} (false when cut to the repair byte budget); only a complete
 *                 list lets the receiver conclude that the sender lacks a key
 * @param leaves the leaves compared, each with the sender's horizon for its range
 * @param entries the sender's entries in those leaves
 */
public record MerkleEntries(boolean reply, boolean complete, List<LeafRef> leaves, List<SharedEntry> entries)
        implements WireMessage {
    /** Copies the lists. */
    public MerkleEntries {
        leaves = List.copyOf(leaves);
        entries = List.copyOf(entries);
    }

    @Override
    public MessageType kind() {
        return MessageType.MERKLE_ENTRIES;
    }
}
