package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.WireCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node that holds a member suspect on others' word alone (it never probed it itself) tells
 * the suspect once, directly, before it gives it up: a member back from a pause answers its
 * accusers at once, while the rumor of its refutation may miss a bystander for a second.
 */
class LastWordTest {
    private static final long SECOND = 1_000_000_000L;
    // long periods and suspicionMult 1: the suspicion (20 s) runs out before this node's own
    // first probe (at the 20 s slot) is judged (at 40 s), so the suspicion is others' word alone
    private static final long INTERVAL = 20 * SECOND;
    private static final NodeId SELF = new NodeId("self", new Address("10.0.0.1", 1), 1);
    private static final NodeId PEER = new NodeId("peer", new Address("10.0.0.2", 1), 1);
    private static final NodeId ACCUSER = new NodeId("accuser", new Address("10.0.0.3", 1), 1);

    private final RecordingOutputs out = new RecordingOutputs();
    private long now;

    private Node bystander(boolean lifeguard) {
        CoreConfig config = CoreConfig.defaults().withDetector(p -> p.withLifeguard(lifeguard).withSuspicionMult(1)
                .withProbeIntervalNanos(INTERVAL).withProbeTimeoutNanos(INTERVAL / 2));
        Node node = new Node(config, SELF, new SplitMix64(1), 0);
        for (NodeId id : List.of(PEER, ACCUSER)) {
            LiveSender.deliver(node, id, List.of(new MemberUpdate(id, 0, MemberStatus.ALIVE, id.name())), 0, out);
        }
        now = 1;
        node.onDatagram(ACCUSER.address(), WireCodec.encodePacket("", ACCUSER,
                List.of(new MemberUpdate(PEER, 0, MemberStatus.SUSPECT, "accuser"))), now, out);
        return node;
    }

    /** Ticks every 100 ms (so the node never thinks itself stalled) until {@code until}. */
    private void runUntil(Node node, long until) {
        while (now < until) {
            now = Math.min(until, now + SECOND / 10);
            node.onTick(now, out);
        }
    }

    private boolean toldPeerItIsSuspect(int fromIndex) {
        return out.sent.subList(fromIndex, out.sent.size()).stream()
                .filter(s -> s.to().equals(PEER.address()))
                .map(s -> WireCodec.decode(s.packet(), "", 65_535)).filter(Decoded::isOk)
                .flatMap(d -> ((Decoded.Ok) d).packet().messages().stream())
                .anyMatch(m -> m instanceof MemberUpdate u && u.member().equals(PEER)
                        && u.status() == MemberStatus.SUSPECT && u.origin().equals("self"));
    }

    private MemberStatus peerStatus(Node node) {
        return node.member("peer").orElseThrow().status();
    }

    @Test
    void atItsDeadlineABystanderTellsTheSuspectAndTakesItsDirectRefutation() {
        Node node = bystander(true);
        runUntil(node, INTERVAL); // its own probe of the slot (which may tell a suspect) went out at 20 s
        int before = out.sent.size();
        runUntil(node, 1 + INTERVAL + SECOND / 10);
        assertThat(peerStatus(node)).isEqualTo(MemberStatus.SUSPECT);
        assertThat(toldPeerItIsSuspect(before)).isTrue();
        // the suspect, awake again, refutes to the node that just told it
        node.onDatagram(PEER.address(), WireCodec.encodePacket("", PEER,
                List.of(new MemberUpdate(PEER, 1, MemberStatus.ALIVE, "peer"))), now + 1, out);
        assertThat(peerStatus(node)).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void aSuspectThatStaysSilentIsDeclaredDeadAProbeTimeoutLater() {
        Node node = bystander(true);
        runUntil(node, 1 + INTERVAL + INTERVAL / 2 - SECOND);
        assertThat(peerStatus(node)).isEqualTo(MemberStatus.SUSPECT);
        runUntil(node, 1 + INTERVAL + INTERVAL / 2 + SECOND);
        assertThat(peerStatus(node)).isEqualTo(MemberStatus.DEAD);
    }

    @Test
    void withoutLifeguardThereIsNoLastWord() {
        Node node = bystander(false);
        runUntil(node, INTERVAL);
        int before = out.sent.size();
        runUntil(node, 1 + INTERVAL + SECOND / 10);
        assertThat(peerStatus(node)).isEqualTo(MemberStatus.DEAD);
        assertThat(toldPeerItIsSuspect(before)).isFalse();
    }
}
