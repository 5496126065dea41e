package io.grapevine.core.state;

import io.grapevine.core.membership.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Scuttlebutt digest: for every stream a node holds, the owner's life and its watermark.
 * Small (one row per owner and class), it tells a peer exactly which entries to send.
 *
 * @param entries the rows, in the sender's (deterministic) order
 */
public record Digest(List<DigestEntry> entries) {
    /** Freezes the rows. */
    public Digest {
        entries = List.copyOf(entries);
    }

    /** The watermarks keyed by owner name and class, for building deltas against. */
    Map<String, DigestEntry[]> index() {
        Map<String, DigestEntry[]> index = new HashMap<>();
        for (DigestEntry entry : entries) {
            index.computeIfAbsent(entry.owner().name(), k -> new DigestEntry[KeyPriority.values().length])
                    [entry.priority().ordinal()] = entry;
        }
        return index;
    }

    /** The row this digest holds for {@code owner}'s {@code priority} stream, or {@code null} if none or another life. */
    static DigestEntry row(Map<String, DigestEntry[]> index, NodeId owner, KeyPriority priority) {
        DigestEntry[] rows = index.get(owner.name());
        DigestEntry row = rows == null ? null : rows[priority.ordinal()];
        return row == null || row.owner().generation() != owner.generation() ? null : row;
    }
}
