package io.grapevine.core.keyspace;

/**
 * What applying one received entry did to a replica. Only {@link #APPLIED} changed anything.
 */
public enum ApplyOutcome {
    /** The entry won by last-writer-wins and is now held (or, a tombstone below the horizon, removed the key). */
    APPLIED,
    /** The replica already held this very entry; nothing changed. */
    SAME,
    /** The replica held a newer entry for the key; nothing changed. */
    STALE,
    /**
     * The key is not held and the entry is older than the range's tombstone horizon: a collected
     * tombstone, or a value from a replica away for longer than the grace (a deleted key's,
     * perhaps); nothing changed.
     */
    BELOW_HORIZON,
    /** A new key while the replica holds {@code maxKeys} entries: dropped and counted; nothing changed. */
    FULL,
    /** Key or value over the configured limits: dropped and counted; nothing changed. */
    TOO_LARGE;

    /** True when the replica now holds this entry or a newer one, so a write may be acknowledged. */
    public boolean holds() {
        return this == APPLIED || this == SAME || this == STALE || this == BELOW_HORIZON;
    }
}
