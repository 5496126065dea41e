package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;
import java.util.List;

/**
 * A decoded packet: who sent it and the messages it carries (one or more, a compound packet).
 *
 * @param sender the sending node's identity as it declares it
 * @param messages at least one message, in wire order
 */
public record Packet(NodeId sender, List<WireMessage> messages) {
    /** Validates and freezes the fields. */
    public Packet {
        if (sender == null) {
            throw new IllegalArgumentException("sender must not be null");
        }
        messages = List.copyOf(messages);
    }
}
