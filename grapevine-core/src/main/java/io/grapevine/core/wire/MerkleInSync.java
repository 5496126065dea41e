package io.grapevine.core.wire;

import java.util.List;

/**
 * The answer of a replica that found some of a peer's Merkle roots equal to its own: "these
 * ranges are in sync", each with the root it matched. The peer, whose root is still that one,
 * records the range in sync (it is fresh, and may collect tombstones); nothing answers it.
 *
 * @param roots the matched ranges' roots (level 0, index 0)
 */
public record MerkleInSync(List<MerkleHash> roots) implements WireMessage {
    /** Validates that every item is a root. */
    public MerkleInSync {
        roots = List.copyOf(roots);
        for (MerkleHash root : roots) {
            if (root.level() != 0 || root.index() != 0) {
                throw new IllegalArgumentException("an in-sync notice carries roots only: " + root);
            }
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.MERKLE_IN_SYNC;
    }
}
