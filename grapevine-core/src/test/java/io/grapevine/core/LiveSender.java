package io.grapevine.core;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;

/**
 * Test support: a datagram from a live member at its own address. The admission probes the
 * node sends back to it during that input (an unknown sender must answer one to be admitted)
 * are answered from there, as a real member would.
 */
final class LiveSender {
    private LiveSender() {
    }

    static void deliver(Node node, NodeId from, List<? extends WireMessage> messages, long nowNanos,
                        RecordingOutputs out) {
        int before = out.sent.size();
        node.onDatagram(from.address(), WireCodec.encodePacket("", from, messages), nowNanos, out);
        for (RecordingOutputs.Sent sent : List.copyOf(out.sent.subList(before, out.sent.size()))) {
            if (!sent.to().equals(from.address())) {
                continue;
            }
            Decoded decoded = WireCodec.decode(sent.packet(), "", 65_535);
            if (!decoded.isOk()) {
                continue;
            }
            for (WireMessage message : ((Decoded.Ok) decoded).packet().messages()) {
                if (message instanceof Ping ping && ping.targetName().equals(from.name())) {
                    node.onDatagram(from.address(), WireCodec.encodePacket("", from, List.of(new Ack(ping.sequence()))),
                            nowNanos, out);
                }
            }
        }
    }
}
