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

/** Redis Cluster's PFAIL→FAIL: dead only once a majority of live members reported the suspicion. */
class QuorumRuleTest {
    private static final long HOUR = 3_600_000_000_000L;
    private static final NodeId SELF = id("self", 1);

    private static NodeId id(String name, int host) {
        return new NodeId(name, new Address("10.0.0." + host, 7946), 1);
    }

    private final RecordingOutputs out = new RecordingOutputs();

    /**
     * Hour-long probe periods keep this node from probing during the test, and Lifeguard is
     * off because its stall awareness would (rightly) postpone suspicions across the jump in time.
     */
    private static CoreConfig quiet() {
        return CoreConfig.defaults().withDetector(p -> p.withLifeguard(false)).withDetector(p -> p.withProbeIntervalNanos(HOUR)).withDetector(p -> p.withProbeTimeoutNanos(HOUR / 2));
    }

    /** A node that knows itself and six peers p2..p7 (seven live members). */
    private Node nodeKnowingSixPeers(CoreConfig config) {
        Node node = new Node(config, SELF, new SplitMix64(1), 0);
        for (int i = 2; i <= 7; i++) {
            NodeId peer = id("p" + i, i);
            LiveSender.deliver(node, peer, List.of(new MemberUpdate(peer, 0, MemberStatus.ALIVE, peer.name())), 0, out);
        }
        return node;
    }

    private void suspect(Node node, NodeId accuser, long now) {
        node.onDatagram(accuser.address(), WireCodec.encodePacket("", accuser,
                List.of(new MemberUpdate(id("p7", 7), 0, MemberStatus.SUSPECT, accuser.name()))), now, out);
    }

    private MemberStatus statusOfP7(Node node) {
        return node.member("p7").orElseThrow().status();
    }

    @Test
    void withoutQuorumOneReportAndTheTimeoutAreEnough() {
        Node node = nodeKnowingSixPeers(quiet());
        suspect(node, id("p2", 2), 1);
        node.onTick(1 + 200 * HOUR, out);
        assertThat(statusOfP7(node)).isEqualTo(MemberStatus.DEAD);
    }

    @Test
    void withQuorumTheMemberStaysSuspectUntilAMajorityReportedIt() {
        CoreConfig config = quiet().withDetector(p -> p.withQuorumFailureDetection(true));
        Node node = nodeKnowingSixPeers(config);
        suspect(node, id("p2", 2), 1);
        long later = 200 * HOUR;
        node.onTick(later, out);
        assertThat(statusOfP7(node)).isEqualTo(MemberStatus.SUSPECT);
        // six voters besides p7: four reports make a majority
        suspect(node, id("p3", 3), later + 1);
        suspect(node, id("p4", 4), later + 2);
        assertThat(statusOfP7(node)).isEqualTo(MemberStatus.SUSPECT);
        suspect(node, id("p5", 5), later + 3);
        assertThat(statusOfP7(node)).isEqualTo(MemberStatus.DEAD);
        assertThat(node.history("p7")).last().satisfies(t ->
                assertThat(t.detail()).isEqualTo("suspected by p2, confirmed by [p3, p4, p5]"));
    }
}
