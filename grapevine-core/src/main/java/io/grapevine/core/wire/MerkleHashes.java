package io.grapevine.core.wire;

import java.util.List;

/**
 * Merkle-tree anti-entropy (Dynamo §4.7), one step of a root-first comparison: "here are my
 * hashes for these tree nodes". The receiver compares each with its own tree and answers with
 * the children of the nodes that differ (one level deeper), or, at the leaves, with the
 * entries of the differing leaves ({@link MerkleEntries}). Identical ranges stop after the
 * first message: one root hash each. Stateless: any message can be answered on its own.
 *
 * @param fanout children per inner node of the sender's trees; a receiver with another
 *               shape drops the message (counted), as its hashes mean nothing there
 * @param depth levels below the root of the sender's trees
 * @param items the tree nodes, in any order
 */
public record MerkleHashes(int fanout, int depth, List<MerkleHash> items) implements WireMessage {
    /** Validates the fields. */
    public MerkleHashes {
        if (fanout < 2 || fanout > 255 || depth < 1 || depth > 255) {
            throw new IllegalArgumentException("fanout must be in 2..255 and depth in 1..255: " + fanout + ", " + depth);
        }
        items = List.copyOf(items);
    }

    @Override
    public MessageType kind() {
        return MessageType.MERKLE_HASHES;
    }
}
