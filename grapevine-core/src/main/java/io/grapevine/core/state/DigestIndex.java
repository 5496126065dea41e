package io.grapevine.core.state;

import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.wire.DigestEntry;
import java.util.HashMap;
import java.util.Map;

/** A peer's digest indexed by owner name and key class, for building deltas against. */
final class DigestIndex {
    private final Map<String, DigestEntry[]> rows = new HashMap<>();

    DigestIndex(Digest digest) {
        for (DigestEntry entry : digest.entries()) {
            rows.computeIfAbsent(entry.owner().name(), k -> new DigestEntry[KeyPriority.values().length])
                    [entry.priority().ordinal()] = entry;
        }
    }

    /** The row held for {@code owner}'s {@code priority} stream, or {@code null} if none or another life. */
    DigestEntry row(NodeId owner, KeyPriority priority) {
        DigestEntry[] byClass = rows.get(owner.name());
        DigestEntry row = byClass == null ? null : byClass[priority.ordinal()];
        return row == null || row.owner().generation() != owner.generation() ? null : row;
    }
}
