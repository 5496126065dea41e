package io.grapevine.core.dissemination;

import io.grapevine.core.wire.PacketSink;

/**
 * What the user-event room writes: the packets of its direct mail, and each event it delivers
 * to the application. Called on the node's thread, during the input that caused it.
 */
public interface EventOutputs extends PacketSink {
    /** {@code event} is delivered here, once. */
    void userEventDelivered(DeliveredEvent event);
}
