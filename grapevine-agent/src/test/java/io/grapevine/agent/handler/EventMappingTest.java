package io.grapevine.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.state.KeyChange;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventMappingTest {
    private static final NodeId ALICE = new NodeId("alice", new Address("10.0.0.7", 7946), 1);

    private static ClusterEvent changed(Change change, MemberStatus status) {
        return new ClusterEvent.MemberChanged(new Member(ALICE, 3, status, 0), change, "bob");
    }

    @ParameterizedTest
    @CsvSource({
        "JOINED, member-join",
        "RECOVERED, member-join",
        "RESTARTED, member-join",
        "LEFT, member-leave",
        "FAILED, member-failed",
        "UPDATED, member-update",
        "CONFLICT, member-update",
        "REAPED, member-reap",
        "SUSPECTED, none",
        "REFUTED, none",
    })
    void everyChangeHasADocumentedHandlerType(Change change, String label) {
        Optional<EventType> expected = EventType.fromLabel(label);
        assertThat(EventMapping.typeOf(change)).isEqualTo(expected);
        assertThat(EventMapping.toHandlerEvent(changed(change, MemberStatus.ALIVE)).map(HandlerEvent::type))
                .isEqualTo(expected);
    }

    @Test
    void aMemberEventCarriesTheMemberLineOnStdin() {
        HandlerEvent event = EventMapping.toHandlerEvent(changed(Change.FAILED, MemberStatus.DEAD)).orElseThrow();
        assertThat(event).isEqualTo(new HandlerEvent(EventType.MEMBER_FAILED, "alice", 0,
                Bytes.copyOf("alice\t10.0.0.7:7946\tdead\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anIpv6AddressIsBracketed() {
        Member member = new Member(new NodeId("carol", new Address("::1", 7946), 1), 0, MemberStatus.LEFT, 0);
        assertThat(EventMapping.memberLine(member)).isEqualTo("carol\t[::1]:7946\tleft\n");
    }

    @Test
    void aUserEventCarriesNameLamportTimeAndPayload() {
        Bytes payload = Bytes.copyOf(new byte[] {0, (byte) 0xff, '\n'});
        HandlerEvent event = EventMapping.toHandlerEvent(
                new ClusterEvent.UserEventReceived(new DeliveredEvent("bob", 42, "deploy", payload))).orElseThrow();
        assertThat(event).isEqualTo(new HandlerEvent(EventType.USER, "deploy", 42, payload));
    }

    @Test
    void keyChangesAndNameConflictsReachNoHandler() {
        KeyChange change = new KeyChange(ALICE, "role", 0, 1, Bytes.EMPTY, false);
        assertThat(EventMapping.toHandlerEvent(new ClusterEvent.KeyChanged(change))).isEmpty();
        NodeId other = new NodeId("alice", new Address("10.0.0.8", 7946), 1);
        assertThat(EventMapping.toHandlerEvent(new ClusterEvent.NameConflict(ALICE, other))).isEmpty();
    }

    @Test
    void aMemberEventSetsNoUserVariables() {
        HandlerEvent join = new HandlerEvent(EventType.MEMBER_JOIN, "alice", 0, Bytes.EMPTY);
        assertThat(HandlerEnvironment.of(join, "node-a")).containsExactly(
                Map.entry("GRAPEVINE_EVENT", "member-join"), Map.entry("GRAPEVINE_SELF_NAME", "node-a"));
    }

    @Test
    void aUserEventSetsItsNameAndLamportTime() {
        HandlerEvent deploy = new HandlerEvent(EventType.USER, "deploy", 42, Bytes.EMPTY);
        assertThat(HandlerEnvironment.of(deploy, "node-a")).containsExactly(
                Map.entry("GRAPEVINE_EVENT", "user"), Map.entry("GRAPEVINE_SELF_NAME", "node-a"),
                Map.entry("GRAPEVINE_USER_EVENT", "deploy"), Map.entry("GRAPEVINE_USER_LTIME", "42"));
    }

    @Test
    void staleInheritedVariablesNeverLeakIntoAMemberEvent() {
        Map<String, String> inherited = new HashMap<>(Map.of(
                "PATH", "/bin", "GRAPEVINE_USER_EVENT", "stale", "GRAPEVINE_USER_LTIME", "9"));
        HandlerEnvironment.applyTo(inherited, new HandlerEvent(EventType.MEMBER_LEAVE, "alice", 0, Bytes.EMPTY), "n");
        assertThat(inherited).containsOnly(Map.entry("PATH", "/bin"),
                Map.entry("GRAPEVINE_EVENT", "member-leave"), Map.entry("GRAPEVINE_SELF_NAME", "n"));
    }
}
