package io.grapevine.sim;

/**
 * Why the simulated network did not deliver a packet to its receiver; each is counted in
 * {@link SimStats#drops()}. These drops happen before any node sees the packet, unlike the core's
 * {@code io.grapevine.core.wire.DropReason}, which says why a node discarded an input it was handed.
 */
public enum NetworkDrop {
    /** Random datagram loss ({@code NetworkModel.lossProbability}). */
    LOSS,
    /** A partition or a blocked link between sender and receiver. */
    PARTITION,
    /** The receiver was not running (crashed, left or not started) when the packet arrived. */
    RECEIVER_DOWN,
    /** The receiver was paused when the datagram arrived. */
    RECEIVER_PAUSED,
    /** Addressed to no simulated node. */
    UNKNOWN_ADDRESS
}
