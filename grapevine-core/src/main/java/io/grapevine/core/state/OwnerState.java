package io.grapevine.core.state;

import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;

/** Everything one node holds of one owner's life: a {@link KeyStream} per priority class. */
final class OwnerState {
    private final NodeId owner;
    private final KeyStream[] streams = new KeyStream[KeyPriority.values().length];

    OwnerState(NodeId owner) {
        this.owner = owner;
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new KeyStream();
        }
    }

    NodeId owner() {
        return owner;
    }

    KeyStream stream(KeyPriority priority) {
        return streams[priority.ordinal()];
    }

    /** Entries held across classes (live and tombstones). */
    int size() {
        int size = 0;
        for (KeyStream stream : streams) {
            size += stream.size();
        }
        return size;
    }

    /** The newest entry for {@code key} across classes, or {@code null}. */
    VersionedEntry get(String key) {
        VersionedEntry best = null;
        for (KeyStream stream : streams) {
            VersionedEntry entry = stream.get(key);
            if (entry != null && (best == null || entry.version() > best.version())) {
                best = entry;
            }
        }
        return best;
    }

    /** The class stream holding {@code key}'s newest entry, or {@code null}. */
    KeyPriority classOf(String key) {
        VersionedEntry best = null;
        KeyPriority where = null;
        for (KeyPriority priority : KeyPriority.values()) {
            VersionedEntry entry = stream(priority).get(key);
            if (entry != null && (best == null || entry.version() > best.version())) {
                best = entry;
                where = priority;
            }
        }
        return where;
    }

    /** The highest version held across classes. */
    long maxVersion() {
        long max = 0;
        for (KeyStream stream : streams) {
            max = Math.max(max, stream.maxVersion());
        }
        return max;
    }
}
