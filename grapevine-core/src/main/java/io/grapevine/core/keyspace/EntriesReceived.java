package io.grapevine.core.keyspace;

import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.SharedEntry;
import java.util.List;
import java.util.Optional;

/**
 * What applying a peer's {@code MerkleEntries} did.
 *
 * @param changed the entries that won here and are now held (or removed a key)
 * @param dropped entries of this replica dropped as deleted below a peer's horizon
 * @param answer what to send back: this replica's entries the peer lacks, when it asked for them
 */
public record EntriesReceived(List<SharedEntry> changed, int dropped, Optional<MerkleEntries> answer) {
    /** Copies the list. */
    public EntriesReceived {
        changed = List.copyOf(changed);
    }
}
