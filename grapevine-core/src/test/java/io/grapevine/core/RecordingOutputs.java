package io.grapevine.core;

import io.grapevine.core.base.Address;
import java.util.ArrayList;
import java.util.List;

/** Test sink that records everything a node outputs. */
final class RecordingOutputs implements Outputs {
    record Sent(Address to, byte[] packet, boolean stream) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<ClusterEvent> events = new ArrayList<>();

    @Override
    public void sendDatagram(Address to, byte[] packet) {
        sent.add(new Sent(to, packet, false));
    }

    @Override
    public void sendStream(Address to, byte[] packet) {
        sent.add(new Sent(to, packet, true));
    }

    @Override
    public void emit(ClusterEvent event) {
        events.add(event);
    }

    List<ClusterEvent.MemberChanged> changes() {
        return events.stream().filter(e -> e instanceof ClusterEvent.MemberChanged)
                .map(e -> (ClusterEvent.MemberChanged) e).toList();
    }
}
