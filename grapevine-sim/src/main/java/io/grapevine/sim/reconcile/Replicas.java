package io.grapevine.sim.reconcile;

import io.grapevine.core.base.KeyPriority;

/**
 * The replicated state of every node of a run under one reconciliation scheme. Node indexes
 * are 0..N-1; node i owns the keys it writes. Confined to one thread.
 */
interface Replicas {
    /** Node {@code node} writes its own {@code key}; returns the version written. */
    long write(int node, String key, byte[] value, KeyPriority priority, long nowNanos);

    /** One push-pull exchange initiated by {@code initiator} with {@code responder}, counted in {@code traffic}. */
    void exchange(int initiator, int responder, long nowNanos, Traffic traffic);

    /** Whether every node holds every owner's newest entry of every key. */
    boolean converged();

    /** Whether {@code node} holds {@code owner}'s {@code key} at {@code version} or newer. */
    boolean holds(int node, int owner, String key, long version);
}
