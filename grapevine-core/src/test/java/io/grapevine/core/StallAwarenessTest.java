package io.grapevine.core;

import io.grapevine.core.base.SplitMix64;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.WireCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node that wakes from a stall (GC pause, starvation) could hear no refutation while it
 * slept, so with Lifeguard on it postpones its suspicions by the stall instead of declaring
 * members dead the moment it wakes.
 */
class StallAwarenessTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;
    private static final NodeId SELF = new NodeId("self", new Address("10.0.0.1", 1), 1);
    private static final NodeId PEER = new NodeId("peer", new Address("10.0.0.2", 1), 1);
    private static final NodeId ACCUSER = new NodeId("accuser", new Address("10.0.0.3", 1), 1);

    private final RecordingOutputs out = new RecordingOutputs();

    private Node suspectingNode(boolean lifeguard) {
        // refutations taken at once: this is about the stall rule, not proof of life
        CoreConfig config = CoreConfig.defaults().withDetector(p -> p.withLifeguard(lifeguard).withProofOfLifeAcks(0)).withDetector(p -> p.withProbeIntervalNanos(HOUR))
                .withDetector(p -> p.withProbeTimeoutNanos(HOUR / 2));
        Node node = new Node(config, SELF, new SplitMix64(1), 0);
        for (NodeId id : List.of(PEER, ACCUSER)) {
            LiveSender.deliver(node, id, List.of(new MemberUpdate(id, 0, MemberStatus.ALIVE, id.name())), 0, out);
        }
        node.onDatagram(ACCUSER.address(), WireCodec.encodePacket("", ACCUSER,
                List.of(new MemberUpdate(PEER, 0, MemberStatus.SUSPECT, "accuser"))), 1, out);
        return node;
    }

    @Test
    void withLifeguardAWakingNodeGivesRefutationsTimeToArrive() {
        Node node = suspectingNode(true);
        long wake = 10 * HOUR;
        node.onTick(wake, out);
        assertThat(node.member("peer").orElseThrow().status()).isEqualTo(MemberStatus.SUSPECT);
        node.onDatagram(PEER.address(), WireCodec.encodePacket("", PEER,
                List.of(new MemberUpdate(PEER, 1, MemberStatus.ALIVE, "peer"))), wake + SECOND, out);
        assertThat(node.member("peer").orElseThrow().status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void withoutLifeguardAWakingNodeDeclaresTheSuspectDeadAtOnce() {
        Node node = suspectingNode(false);
        node.onTick(10 * HOUR, out);
        assertThat(node.member("peer").orElseThrow().status()).isEqualTo(MemberStatus.DEAD);
    }
}
