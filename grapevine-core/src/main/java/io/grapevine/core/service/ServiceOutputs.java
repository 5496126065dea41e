package io.grapevine.core.service;

import io.grapevine.core.wire.PacketSink;

/**
 * Where the service room writes: the packets its services send, and the events they hand to
 * the application. Called on the node's thread, during the input that caused them.
 */
public interface ServiceOutputs extends PacketSink {
    /** A service on {@code channel} handed {@code event} to the application. */
    void serviceEvent(String channel, Object event);
}
