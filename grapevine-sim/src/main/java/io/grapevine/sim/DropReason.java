package io.grapevine.sim;

/** Why the simulator did not deliver a packet; each is counted in {@link SimStats}. */
public enum DropReason {
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
