package io.grapevine.core.repair;

import io.grapevine.core.wire.PacketSink;

/**
 * What the shared keyspace writes: its packets, and the end of every operation this node
 * coordinates. Called on the node's thread, during the input that finished the operation
 * (possibly the very call that started it).
 */
public interface KeyspaceOutputs extends PacketSink {
    /** An operation started with {@code SharedKeyspace.put} and the like finished. */
    void sharedOpCompleted(SharedOpResult result);

    /** A closed-loop ring repair this node held the token of last came to its end. */
    void ringRepairCompleted(RingRepairReport report);
}
