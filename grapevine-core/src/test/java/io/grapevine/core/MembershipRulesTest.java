package io.grapevine.core;

import io.grapevine.core.base.SplitMix64;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Packet;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SWIM precedence, generations, conflicts and refutation, driven message by message. */
class MembershipRulesTest {
    private static final NodeId SELF = id("self", "10.0.0.1", 1);
    private static final NodeId PEER = id("peer", "10.0.0.2", 1);
    private static final NodeId OTHER = id("other", "10.0.0.3", 1);

    private final RecordingOutputs out = new RecordingOutputs();
    /** SWIM's precedence rules as such: refutations taken at once (proof of life has its own tests). */
    private static final CoreConfig RULES = CoreConfig.defaults().withDetector(d -> d.withProofOfLifeAcks(0));
    private final Node node = new Node(RULES, SELF, new SplitMix64(7), 0);

    private static NodeId id(String name, String host, long generation) {
        return new NodeId(name, new Address(host, 7946), generation);
    }

    private void receive(NodeId from, WireMessage... messages) {
        LiveSender.deliver(node, from, List.of(messages), 1_000, out);
    }

    private void receive(NodeId from, long nowNanos, WireMessage... messages) {
        LiveSender.deliver(node, from, List.of(messages), nowNanos, out);
    }

    @Test
    void anAccusationByAnUnknownOrSuspectAccuserIsNotShown() {
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        // "ghost" is named as the accuser but is no member here
        receive(PEER, update(PEER, 0, MemberStatus.SUSPECT, "ghost"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        receive(OTHER, update(OTHER, 0, MemberStatus.ALIVE, "other"));
        receive(PEER, update(OTHER, 0, MemberStatus.SUSPECT, "peer"));
        assertThat(node.member("other").orElseThrow().status()).isEqualTo(MemberStatus.SUSPECT);
        // a suspect accuser's word does not count
        receive(OTHER, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(node.accusationsHeld()).isEqualTo(2);
    }

    @Test
    void anAccuserThatRecentlyRefutedIsOnProbation() {
        long second = 1_000_000_000L;
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(OTHER, 0, MemberStatus.ALIVE, "other"));
        // other is suspected and refutes: it is on probation for accuserProbationNanos (60 s)
        receive(PEER, 2 * second, update(OTHER, 0, MemberStatus.SUSPECT, "peer"));
        receive(OTHER, 3 * second, update(OTHER, 1, MemberStatus.ALIVE, "other"));
        receive(OTHER, 10 * second, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(node.accusationsHeld()).isEqualTo(1);
        // past the probation its word counts again
        receive(OTHER, 64 * second, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.SUSPECT);
    }

    private Member peer() {
        return node.member("peer").orElseThrow();
    }

    private static MemberUpdate update(NodeId member, long incarnation, MemberStatus status, String origin) {
        return new MemberUpdate(member, incarnation, status, origin);
    }

    @Test
    void aliveIntroducesANewMember() {
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(out.changes()).extracting(ClusterEvent.MemberChanged::change).containsExactly(Change.JOINED);
    }

    @Test
    void suspicionOfAnUnknownMemberIntroducesNothing() {
        receive(OTHER, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        assertThat(node.member("peer")).isEmpty();
    }

    @Test
    void suspectRefutesWithHigherIncarnation() {
        receive(PEER, update(SELF, 0, MemberStatus.SUSPECT, "peer"));
        assertThat(node.member("self").orElseThrow().incarnation()).isEqualTo(1);
        assertThat(node.member("self").orElseThrow().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(node.history("self")).last().satisfies(t -> {
            assertThat(t.change()).isEqualTo(Change.REFUTED);
            assertThat(t.onWordOf()).isEqualTo("peer");
        });
        // the refutation rides out on the next packet
        node.onTick(node.nextDeadlineNanos(), out);
        boolean refutationSent = out.sent.stream().map(s -> WireCodec.decode(s.packet(), "", 65_535))
                .filter(Decoded::isOk).map(d -> ((Decoded.Ok) d).packet()).flatMap(p -> p.messages().stream())
                .anyMatch(m -> m instanceof MemberUpdate u && u.member().equals(SELF) && u.incarnation() == 1
                        && u.status() == MemberStatus.ALIVE);
        // gossip needs a peer to send to
        assertThat(refutationSent || node.liveMemberCount() == 1).isTrue();
    }

    @Test
    void aStaleAccusationMakesTheAccusedRepeatItsRefutationOnTheAck() {
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        receive(PEER, update(SELF, 0, MemberStatus.SUSPECT, "peer"));
        assertThat(node.member("self").orElseThrow().incarnation()).isEqualTo(1);
        // drain the first refutation, as if it had been sent everywhere but to the accuser
        for (int i = 0; i < 50; i++) {
            node.onTick(node.nextDeadlineNanos(), out);
        }
        out.sent.clear();
        // the accuser still holds the old suspicion and probes: suspicion first, then the ping
        receive(PEER, update(SELF, 0, MemberStatus.SUSPECT, "peer"), new io.grapevine.core.wire.Ping(5, "self"));
        List<WireMessage> ack = out.sent.stream().filter(s -> s.to().equals(PEER.address()))
                .map(s -> ((Decoded.Ok) WireCodec.decode(s.packet(), "", 65_535)).packet())
                .filter(p -> p.messages().stream().anyMatch(m -> m instanceof io.grapevine.core.wire.Ack))
                .flatMap(p -> p.messages().stream()).toList();
        assertThat(ack).anyMatch(m -> m instanceof MemberUpdate u && u.member().equals(SELF)
                && u.status() == MemberStatus.ALIVE && u.incarnation() == 1);
    }

    @Test
    void suspicionOfAnOlderIncarnationIsStale() {
        receive(PEER, update(PEER, 3, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(PEER, 2, MemberStatus.SUSPECT, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void aliveWithHigherIncarnationRefutesSuspicionButEqualDoesNot() {
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(OTHER, 0, MemberStatus.ALIVE, "other"));
        receive(OTHER, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.SUSPECT);
        receive(PEER, update(PEER, 1, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(out.changes()).filteredOn(c -> c.member().name().equals("peer"))
                .extracting(ClusterEvent.MemberChanged::change)
                .containsExactly(Change.JOINED, Change.SUSPECTED, Change.REFUTED);
    }

    @Test
    void suspicionRecordsWhoRaisedItAndWhoConfirmed() {
        NodeId third = id("third", "10.0.0.4", 1);
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(OTHER, 0, MemberStatus.ALIVE, "other"));
        receive(third, update(third, 0, MemberStatus.ALIVE, "third"));
        receive(OTHER, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        receive(third, update(PEER, 0, MemberStatus.SUSPECT, "third"));
        receive(third, update(PEER, 0, MemberStatus.SUSPECT, "third"));
        List<io.grapevine.core.membership.Transition> history = node.history("peer");
        assertThat(history).extracting(t -> t.change() + " by " + t.onWordOf())
                .containsExactly("JOINED by peer", "SUSPECTED by other", "SUSPECTED by third");
        assertThat(history.get(2).detail()).isEqualTo("confirmation");
    }

    @Test
    void leaveBeatsDeathAtTheSameIncarnationButDeathDoesNotBeatLeave() {
        receive(PEER, update(PEER, 2, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(PEER, 2, MemberStatus.DEAD, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.DEAD);
        receive(PEER, update(PEER, 2, MemberStatus.LEFT, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.LEFT);
        receive(OTHER, update(PEER, 2, MemberStatus.DEAD, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void tombstoneBlocksStaleAliveButAHigherIncarnationRecovers() {
        receive(PEER, update(PEER, 1, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(PEER, 1, MemberStatus.DEAD, "other"));
        receive(OTHER, update(PEER, 1, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.DEAD);
        receive(PEER, update(PEER, 2, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(out.changes()).extracting(ClusterEvent.MemberChanged::change).last().isEqualTo(Change.RECOVERED);
    }

    @Test
    void aLeftMemberCannotComeBackInTheSameGeneration() {
        receive(PEER, update(PEER, 1, MemberStatus.ALIVE, "peer"));
        receive(PEER, update(PEER, 1, MemberStatus.LEFT, "peer"));
        receive(PEER, update(PEER, 9, MemberStatus.ALIVE, "peer"));
        assertThat(peer().status()).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void higherGenerationRetiresTheOldLifeAtOnceEvenAtANewAddress() {
        receive(PEER, update(PEER, 5, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(PEER, 5, MemberStatus.SUSPECT, "other"));
        NodeId reborn = id("peer", "10.0.0.99", 2);
        receive(reborn, update(reborn, 0, MemberStatus.ALIVE, "peer"));
        assertThat(peer().id()).isEqualTo(reborn);
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(out.changes()).extracting(ClusterEvent.MemberChanged::change).last().isEqualTo(Change.RESTARTED);
        // the old life's gossip can no longer touch the new one
        receive(OTHER, update(PEER, 7, MemberStatus.DEAD, "other"));
        assertThat(peer().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(node.metrics().drops()).containsEntry("STALE_GENERATION", 1L);
    }

    @Test
    void nameConflictIsResolvedTheSameWayWhateverTheArrivalOrder() {
        NodeId low = id("twin", "10.0.0.5", 1);
        NodeId high = id("twin", "10.0.0.6", 1);
        Node first = new Node(RULES, SELF, new SplitMix64(1), 0);
        Node second = new Node(RULES, SELF, new SplitMix64(1), 0);
        RecordingOutputs out1 = new RecordingOutputs();
        RecordingOutputs out2 = new RecordingOutputs();
        LiveSender.deliver(first, low, List.of(update(low, 0, MemberStatus.ALIVE, "twin")), 1, out1);
        LiveSender.deliver(first, high, List.of(update(high, 0, MemberStatus.ALIVE, "twin")), 2, out1);
        LiveSender.deliver(second, high, List.of(update(high, 0, MemberStatus.ALIVE, "twin")), 1, out2);
        LiveSender.deliver(second, low, List.of(update(low, 0, MemberStatus.ALIVE, "twin")), 2, out2);
        assertThat(first.member("twin").orElseThrow().id()).isEqualTo(low);
        assertThat(second.member("twin").orElseThrow().id()).isEqualTo(low);
        assertThat(out1.events).contains(new ClusterEvent.NameConflict(low, high));
        assertThat(out2.events).contains(new ClusterEvent.NameConflict(low, high));
    }

    @Test
    void anAccusedMemberIsToldOfItsSuspicionAsSoonAsWeHearFromIt() {
        receive(PEER, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        receive(OTHER, update(OTHER, 0, MemberStatus.ALIVE, "other"));
        receive(OTHER, update(PEER, 0, MemberStatus.SUSPECT, "other"));
        out.sent.clear();
        receive(PEER, new io.grapevine.core.wire.Ack(99));
        List<MemberUpdate> told = out.sent.stream().filter(s -> s.to().equals(PEER.address()))
                .map(s -> ((Decoded.Ok) WireCodec.decode(s.packet(), "", 65_535)).packet())
                .flatMap(p -> p.messages().stream()).filter(m -> m instanceof MemberUpdate).map(m -> (MemberUpdate) m)
                .filter(u -> u.member().equals(PEER)).toList();
        // the notice (and any queued rumor riding with it) tells the accused it is suspect
        assertThat(told).isNotEmpty().allMatch(u -> u.status() == MemberStatus.SUSPECT)
                .anyMatch(u -> u.origin().equals("self"));
        // at most once per protocol period
        out.sent.clear();
        receive(PEER, new io.grapevine.core.wire.Ack(100));
        assertThat(out.sent).isEmpty();
    }

    @Test
    void aPacketFromAnUnknownMemberAdmitsItAlive() {
        receive(OTHER, new io.grapevine.core.wire.Ack(1));
        assertThat(node.member("other")).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(MemberStatus.ALIVE);
            assertThat(m.incarnation()).isZero();
        });
    }

    @Test
    void packetsClaimingToComeFromThisNodeAreDroppedAndCounted() {
        receive(SELF, update(PEER, 0, MemberStatus.ALIVE, "peer"));
        assertThat(node.member("peer")).isEmpty();
        assertThat(node.metrics().drops()).containsEntry("FROM_SELF", 1L);
    }

    @Test
    void garbageIsDroppedAndCountedNeverThrown() {
        SplitMix64 random = new SplitMix64(3);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            for (int j = 0; j < junk.length; j++) {
                junk[j] = (byte) random.nextLong();
            }
            node.onDatagram(PEER.address(), junk, i, out);
            node.onStream(PEER.address(), junk, i, out);
        }
        assertThat(node.metrics().totalDrops()).isEqualTo(4_000);
        assertThat(node.liveMemberCount()).isEqualTo(1);
        assertThat(node.members()).hasSize(1);
    }

    @Test
    void aPacketFromAnotherClusterIsNeverMerged() {
        byte[] foreign = WireCodec.encodePacket("other-cluster", PEER, List.of(update(PEER, 0, MemberStatus.ALIVE, "peer")));
        node.onDatagram(PEER.address(), foreign, 1, out);
        assertThat(node.member("peer")).isEmpty();
        assertThat(node.metrics().drops()).containsEntry("WRONG_LABEL", 1L);
    }

    @Test
    void decodedPacketCarriesTheSender() {
        byte[] bytes = WireCodec.encodePacket("", PEER, List.of(update(PEER, 0, MemberStatus.ALIVE, "peer")));
        Packet packet = ((Decoded.Ok) WireCodec.decode(bytes, "", 65_535)).packet();
        assertThat(packet.sender()).isEqualTo(PEER);
    }
}
