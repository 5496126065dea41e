package io.grapevine.net;

/**
 * Each kind of call {@link NodeRuntime} makes into the core, so a core failure says which one
 * threw and the runtime knows whom to tell: a network input or the tick has no caller, an
 * application operation has one waiting on a future (see {@link NodeRuntime} for the policy).
 */
enum CoreStep {
    /** A received datagram ({@code Node.onDatagram}). */
    DATAGRAM(false),
    /** A received stream frame ({@code Node.onStream}). */
    STREAM_FRAME(false),
    /** A stream connection was refused ({@code Node.onStreamRefused}). */
    STREAM_REFUSED(false),
    /** The timer ({@code Node.onTick}). */
    TICK(false),
    /** Asking when to tick next ({@code Node.nextDeadlineNanos}), after every step. */
    DEADLINE(false),
    /** {@code Cluster.join}: a full state exchange with each seed. */
    JOIN(true),
    /** {@code Cluster.leave}. */
    LEAVE(true),
    /** {@code Cluster.put}, and the keyring status and member-view digest the runtime publishes. */
    PUT(true),
    /** {@code Cluster.delete}. */
    DELETE(true),
    /** {@code Cluster.broadcast}. */
    BROADCAST(true),
    /** {@code Cluster.forceLeave}. */
    FORCE_LEAVE(true),
    /** {@code Cluster.reachability}. */
    REACHABILITY(true),
    /** A {@link SharedMap} operation: put, get, delete or scan. */
    SHARED(true),
    /** {@code Cluster.callService}: the application drives one of its services. */
    SERVICE(true);

    private final boolean fromApplication;

    CoreStep(boolean fromApplication) {
        this.fromApplication = fromApplication;
    }

    /** True when a caller waits on the step's future (so it must hear of a failure). */
    boolean fromApplication() {
        return fromApplication;
    }
}
