package io.grapevine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.membership.Member;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nobody gets in without proof (plaintext mode: checksums are valid, nothing is signed). A
 * node flooded with forged packets naming 100,000 invented members, as senders and as the
 * subject of alive rumors, never lists one of them, keeps its candidates within their bound,
 * and counts what it refused; a real joiner that announces itself is still admitted, after
 * one probe round trip. A forger cannot answer the admission probe for its invention: the
 * probe's number is random, and the answer must come from the address the candidate claims
 * (found by the fuzzer: a forged sender whose packet carried an ack of the node's next probe
 * number was admitted). Where every datagram was authenticated before the core saw it (an
 * encrypted cluster, {@code MembershipConfig.sendersAuthenticated}), a joiner is listed on its
 * first datagram from the address it claims.
 */
class ForgedMembersTest {
    private static final long MS = TestNetwork.MS;
    private static final long SECOND = 1_000 * MS;

    private static NodeId invented(SplitMix64 random, int i) {
        long bits = random.nextLong();
        Address address = new Address("10." + (1 + (bits & 0x7F)) + "." + ((bits >>> 8) & 0xFF) + "." + ((bits >>> 16) & 0xFF),
                1024 + (int) ((bits >>> 24) & 0x7FFF));
        return new NodeId("phantom-" + i, address, 1);
    }

    @Test
    void aFloodOfForgedIdentitiesNeverPutsAPhantomInTheTable() {
        CoreConfig config = CoreConfig.defaults();
        TestNetwork net = TestNetwork.converged(config, 4, 41);
        Node target = net.nodes().get(2);
        SplitMix64 random = new SplitMix64(99);
        int maxCandidates = 0;
        long start = net.now;
        for (int i = 0; i < 100_000; i += 2) {
            NodeId sender = invented(random, i);
            NodeId subject = invented(random, i + 1);
            byte[] packet = WireCodec.encodePacket("", sender, List.of(new Ping(i, target.self().name()),
                    new MemberUpdate(subject, 0, MemberStatus.ALIVE, subject.name())));
            // 20,000 forged packets a second, from the forger's own address
            net.runUntil(start + (i / 2) * (SECOND / 20_000), x -> false);
            target.onDatagram(new Address("10.200.0.1", 4000), packet, net.now, net.outputs(target.self().address()));
            if (i % 1_000 == 0) {
                maxCandidates = Math.max(maxCandidates, target.admissionCandidates());
                assertThat(target.members()).extracting(Member::name).noneMatch(n -> n.startsWith("phantom-"));
            }
        }
        net.runUntil(net.now + 5 * SECOND, x -> false);
        assertThat(target.members()).hasSize(4);
        assertThat(net.events).noneMatch(e -> e instanceof ClusterEvent.MemberChanged c
                && c.member().name().startsWith("phantom-"));
        assertThat(maxCandidates).isLessThanOrEqualTo(config.membership().maxCandidates());
        Map<String, Long> drops = target.metrics().drops();
        assertThat(drops.getOrDefault("CANDIDATE_RATE", 0L) + drops.getOrDefault("CANDIDATES_FULL", 0L)).isPositive();
        assertThat(drops.getOrDefault("CANDIDATE_EXPIRED", 0L)).as(drops.toString()).isPositive();
        // the cluster itself never noticed
        assertThat(net.nodes()).allSatisfy(n -> assertThat(n.liveMemberCount()).isEqualTo(4));
    }

    @Test
    void aForgedSenderClaimingAKnownNameAtAnotherAddressIntroducesNobody() {
        TestNetwork net = TestNetwork.converged(CoreConfig.defaults(), 3, 42);
        Node target = net.nodes().get(0);
        NodeId known = net.nodes().get(1).self();
        NodeId subject = new NodeId("phantom", new Address("10.9.9.9", 7946), 1);
        byte[] packet = WireCodec.encodePacket("", known,
                List.of(new MemberUpdate(subject, 3, MemberStatus.ALIVE, known.name())));
        target.onDatagram(new Address("10.200.0.1", 4000), packet, net.now, net.outputs(target.self().address()));
        net.runUntil(net.now + 5 * SECOND, x -> false);
        assertThat(target.member("phantom")).isEmpty();
        assertThat(target.metrics().drops().getOrDefault("CANDIDATE_EXPIRED", 0L)).isEqualTo(1);
    }

    @Test
    void aRealJoinerThatAnnouncesItselfIsAdmittedAfterOneProbe() {
        TestNetwork net = TestNetwork.converged(CoreConfig.defaults(), 3, 43);
        Node target = net.nodes().get(1);
        Node joiner = net.add("late");
        // the joiner's own announcement reaches the target before any member's rumor of it
        byte[] announcement = WireCodec.encodePacket("", joiner.self(),
                List.of(new MemberUpdate(joiner.self(), 0, MemberStatus.ALIVE, "late")));
        long start = net.now;
        target.onDatagram(joiner.self().address(), announcement, net.now, net.outputs(target.self().address()));
        assertThat(target.member("late")).isEmpty();
        assertThat(net.runUntil(net.now + SECOND, x -> target.member("late").isPresent())).isTrue();
        // a ping out and its ack back: two 1 ms hops
        assertThat(net.now - start).isLessThanOrEqualTo(3 * MS);
        assertThat(target.member("late").orElseThrow().status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void whereEveryDatagramIsAuthenticatedAJoinerIsAdmittedOnItsFirstFromItsOwnAddressOnly() {
        CoreConfig sealed = CoreConfig.defaults().withMembership(m -> m.withSendersAuthenticated(true));
        TestNetwork net = TestNetwork.converged(sealed, 3, 44);
        Node target = net.nodes().get(1);
        Node joiner = net.add("late");
        byte[] announcement = WireCodec.encodePacket("", joiner.self(),
                List.of(new MemberUpdate(joiner.self(), 2, MemberStatus.ALIVE, "late")));
        // from another address (a replay, a relay): still a candidate, probed at the address it claims
        target.onDatagram(new Address("10.200.0.1", 4000), announcement, net.now, net.outputs(target.self().address()));
        assertThat(target.member("late")).isEmpty();
        assertThat(target.admissionCandidates()).isEqualTo(1);
        // from its own address: listed at once, at the incarnation it announced, no probe round trip
        target.onDatagram(joiner.self().address(), announcement, net.now, net.outputs(target.self().address()));
        Member late = target.member("late").orElseThrow();
        assertThat(late.status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(late.incarnation()).isEqualTo(2);
    }

    @Test
    void aForgerCannotAnswerTheAdmissionProbeOfItsInventionFromAnotherAddress() {
        Node target = new Node(CoreConfig.defaults(), new NodeId("n", new Address("10.0.0.1", 7946), 1),
                new SplitMix64(7), 0);
        NodeId invented = new NodeId("f", new Address("10.0.0.3", 7946), 1);
        Address forger = new Address("10.0.0.2", 7946);
        List<Integer> probes = new ArrayList<>();
        Outputs capture = new Outputs() {
            @Override
            public void sendDatagram(Address to, byte[] packet) {
                if (to.equals(invented.address()) && WireCodec.decode(packet, "", 65_535) instanceof Decoded.Ok ok) {
                    for (WireMessage message : ok.packet().messages()) {
                        if (message instanceof Ping ping) {
                            probes.add(ping.sequence());
                        }
                    }
                }
            }

            @Override
            public void sendStream(Address to, byte[] packet) {
            }

            @Override
            public void emit(ClusterEvent event) {
            }
        };
        // the claim, with acks of the first 255 probe numbers a counter would give out (a packet holds 255 messages)
        List<WireMessage> guesses = new ArrayList<>();
        for (int sequence = 0; sequence < 255; sequence++) {
            guesses.add(new Ack(sequence));
        }
        target.onDatagram(forger, WireCodec.encodePacket("", invented, guesses), 1_000, capture);
        assertThat(target.members()).hasSize(1);
        assertThat(probes).hasSize(1);
        assertThat(probes.get(0)).isGreaterThanOrEqualTo(255);
        // a forger that learned the probe's number (it listens on the path) but sends from elsewhere
        byte[] answer = WireCodec.encodePacket("", invented, List.of(new Ack(probes.get(0))));
        target.onDatagram(forger, answer, 2_000, capture);
        assertThat(target.members()).hasSize(1);
        assertThat(target.admissionCandidates()).isEqualTo(1);
        // the claimed address itself answers: admitted
        target.onDatagram(invented.address(), answer, 3_000, capture);
        assertThat(target.member("f").orElseThrow().status()).isEqualTo(MemberStatus.ALIVE);
    }
}
