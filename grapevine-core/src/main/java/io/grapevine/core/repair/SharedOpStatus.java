package io.grapevine.core.repair;

/** How a shared-keyspace operation ended. */
public enum SharedOpStatus {
    /** Enough replicas answered ({@code w} for a write, {@code r} for a read, all asked for a scan). */
    OK,
    /**
     * Too few answered within {@code requestTimeoutNanos}. A write may still have reached some
     * replicas (and repair spreads it from there); a read or scan carries what arrived.
     */
    TIMEOUT,
    /** Not started: this node already coordinates {@code maxPendingOps} operations. */
    REJECTED
}
