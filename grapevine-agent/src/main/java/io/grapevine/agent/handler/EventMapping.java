package io.grapevine.agent.handler;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a core {@link ClusterEvent} into the {@link HandlerEvent} a script sees, or into
 * nothing when Serf has no counterpart.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Core event</th><th>Handler event</th><th>Why</th></tr>
 *   <tr><td>{@code JOINED}, {@code RECOVERED}, {@code RESTARTED}</td><td>member-join</td>
 *       <td>the member is (again) part of the cluster; a restart is a new life, and a
 *       recovery follows a member-failed the script has seen, as in Serf</td></tr>
 *   <tr><td>{@code LEFT}</td><td>member-leave</td><td></td></tr>
 *   <tr><td>{@code FAILED}</td><td>member-failed</td><td></td></tr>
 *   <tr><td>{@code UPDATED}, {@code CONFLICT}</td><td>member-update</td>
 *       <td>same member, new address or a name conflict resolved: what a script mirroring
 *       the member list must hear</td></tr>
 *   <tr><td>{@code REAPED}</td><td>member-reap</td><td></td></tr>
 *   <tr><td>{@code SUSPECTED}, {@code REFUTED}</td><td>none</td>
 *       <td>Serf has no suspect event, and a refuted suspicion leaves the member alive at
 *       the same address: the script would read the line it already has (memberlist, too,
 *       notifies nothing on a refutation)</td></tr>
 *   <tr><td>{@code UserEventReceived}</td><td>user</td><td></td></tr>
 *   <tr><td>{@code KeyChanged}, {@code NameConflict}, {@code RingRepairCompleted}</td>
 *       <td>none, for now</td>
 *       <td>Serf has no replicated keys (nor their repair); a name conflict also arrives as a
 *       member's {@code CONFLICT} change</td></tr>
 * </table>
 *
 * <p>Member events carry one member, whose line on stdin is
 * {@code name\taddress\tstatus\n}: the address as {@code host:port} of its gossip port, the
 * status in lower case ({@code alive}, {@code suspect}, {@code dead}, {@code left}) as in
 * {@code GET /v1/members}. Stateless; thread-safe.
 */
public final class EventMapping {
    private EventMapping() {
    }

    /** The handler event for {@code event}, or empty if handlers do not see it. */
    public static Optional<HandlerEvent> toHandlerEvent(ClusterEvent event) {
        return switch (event.kind()) {
            case MEMBER_CHANGED -> memberEvent((ClusterEvent.MemberChanged) event);
            case USER_EVENT -> Optional.of(userEvent(((ClusterEvent.UserEventReceived) event).event()));
            case KEY_CHANGED, NAME_CONFLICT, RING_REPAIR_COMPLETED, SERVICE_EVENT -> Optional.empty();
        };
    }

    /** The handler event type for a member change, or empty for those handlers do not see. */
    public static Optional<EventType> typeOf(Change change) {
        return switch (change) {
            case JOINED, RECOVERED, RESTARTED -> Optional.of(EventType.MEMBER_JOIN);
            case LEFT -> Optional.of(EventType.MEMBER_LEAVE);
            case FAILED -> Optional.of(EventType.MEMBER_FAILED);
            case UPDATED, CONFLICT -> Optional.of(EventType.MEMBER_UPDATE);
            case REAPED -> Optional.of(EventType.MEMBER_REAP);
            case SUSPECTED, REFUTED -> Optional.empty();
        };
    }

    /** The stdin line for a member: {@code name\taddress\tstatus\n}. */
    public static String memberLine(Member member) {
        return member.name() + "\t" + member.id().address() + "\t"
                + member.status().name().toLowerCase(Locale.ROOT) + "\n";
    }

    private static Optional<HandlerEvent> memberEvent(ClusterEvent.MemberChanged changed) {
        Member member = changed.member();
        return typeOf(changed.change()).map(type -> new HandlerEvent(type, member.name(), 0,
                Bytes.copyOf(memberLine(member).getBytes(StandardCharsets.UTF_8))));
    }

    private static HandlerEvent userEvent(DeliveredEvent delivered) {
        return new HandlerEvent(EventType.USER, delivered.name(), delivered.lamportTime(), delivered.payload());
    }
}
