package io.grapevine.sim;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.repair.SharedOpResult;

/**
 * Watches what nodes report, for measurements. Called on the simulation's thread while a node's
 * handler runs ({@link #onEvent}) and right after it returns ({@link #afterEvents}); an observer
 * must not call back into the simulation from {@link #onEvent}, but may read node state in
 * {@link #afterEvents}.
 */
public interface SimObserver {
    /**
     * Node {@code node} emitted {@code event} at virtual time {@code nowNanos}.
     *
     * @param node index of the emitting node
     * @param event what it emitted
     * @param nowNanos virtual time
     */
    void onEvent(int node, ClusterEvent event, long nowNanos);

    /**
     * Node {@code node} finished handling an input during which it emitted at least one event;
     * its state is consistent again. Does nothing by default.
     *
     * @param node index of the node
     * @param nowNanos virtual time
     */
    default void afterEvents(int node, long nowNanos) {
    }

    /**
     * A shared-keyspace operation node {@code node} coordinated ended. Does nothing by default.
     *
     * @param node index of the coordinating node
     * @param result how it ended
     * @param nowNanos virtual time
     */
    default void onSharedOp(int node, SharedOpResult result, long nowNanos) {
    }
}
