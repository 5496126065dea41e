package io.grapevine.core.keyspace;

import io.grapevine.core.wire.MerkleHash;
import java.util.List;

/**
 * What comparing a peer's Merkle hashes with this replica's trees found.
 *
 * @param deeper this replica's hashes of the children of every inner node that differed, to
 *               send back (the next level of the root-first descent)
 * @param leaves the leaves that differed: their entries are exchanged next
 * @param matchedRanges ranges whose root hashes were equal: in sync, nothing more to do
 */
public record ComparisonStep(List<MerkleHash> deeper, List<LeafId> leaves, List<Integer> matchedRanges) {
    /** Copies the lists. */
    public ComparisonStep {
        deeper = List.copyOf(deeper);
        leaves = List.copyOf(leaves);
        matchedRanges = List.copyOf(matchedRanges);
    }
}
