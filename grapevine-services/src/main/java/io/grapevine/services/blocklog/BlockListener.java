package io.grapevine.services.blocklog;

/**
 * Told of every block a node appends to its chain (produced or received, in chain order), on the
 * node's thread, while the service runs: it must be quick and must not call back into the node.
 * How an application or a measurement follows the log without polling.
 */
@FunctionalInterface
public interface BlockListener {
    /** A listener that does nothing. */
    BlockListener NONE = (node, block, nowNanos) -> { };

    /**
     * Node {@code node} appended {@code block} at node time {@code nowNanos}.
     */
    void appended(String node, Block block, long nowNanos);
}
