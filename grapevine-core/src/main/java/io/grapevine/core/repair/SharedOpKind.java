package io.grapevine.core.repair;

/** The operations on the shared keyspace. */
public enum SharedOpKind {
    /** A write of a value. */
    PUT,
    /** A write of a tombstone. */
    DELETE,
    /** A read of one key from {@code r} replicas. */
    GET,
    /** A read of every live key with a prefix, from one replica of each range. */
    SCAN
}
