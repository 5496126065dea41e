package io.grapevine.agent.http;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.detector.Reachability;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Member;
import io.grapevine.core.membership.Transition;
import io.grapevine.core.repair.RingRepairReport;
import io.grapevine.core.state.KeyChange;
import io.grapevine.net.KeyringStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes the API answers with, as records Jackson writes field by field in
 * declaration order, and the conversions from the cluster's types. Enums are written in lower
 * case ({@code "alive"}, {@code "suspected"}); values and payloads both as UTF-8 text (invalid
 * sequences become U+FFFD) and, losslessly, as base64. Node times are the runtime's
 * {@link System#nanoTime()}, so ages are computed against it.
 */
final class JsonViews {
    private JsonViews() {
    }

    /**
     * One member as this node sees it.
     *
     * @param name member name
     * @param address gossip address, {@code HOST:PORT}
     * @param status alive, suspect, dead or left
     * @param incarnation the member's incarnation
     * @param generation the member's generation (its start time, changes on restart)
     * @param statusAgeMillis how long ago it entered {@code status}
     */
    record MemberView(String name, String address, String status, long incarnation, long generation,
                      long statusAgeMillis) {
    }

    /**
     * One member with its recorded history and reported keyring.
     *
     * @param name member name
     * @param address gossip address
     * @param status alive, suspect, dead or left
     * @param incarnation the member's incarnation
     * @param generation the member's generation
     * @param statusAgeMillis how long ago it entered {@code status}
     * @param history its transitions, oldest first
     * @param keyring the keyring it reports; null in plaintext mode or before it reported
     */
    record MemberDetailView(String name, String address, String status, long incarnation, long generation,
                            long statusAgeMillis, List<TransitionView> history, KeyringView keyring) {
    }

    /**
     * One line of a member's history.
     *
     * @param atNanos node time of the change
     * @param ageMillis how long ago that was
     * @param change why (joined, suspected, refuted, failed, left, ...)
     * @param status status after the change
     * @param incarnation incarnation after the change
     * @param generation generation after the change
     * @param onWordOf who reported it
     * @param detail extra context, e.g. confirmers; empty when none
     */
    record TransitionView(long atNanos, long ageMillis, String change, String status, long incarnation,
                          long generation, String onWordOf, String detail) {
    }

    /**
     * A member's reported keyring, by fingerprint.
     *
     * @param primary fingerprint of the key it encrypts with
     * @param installed fingerprints of every key it decrypts with, primary first
     */
    record KeyringView(String primary, List<String> installed) {
    }

    /**
     * One replicated key of one node.
     *
     * @param node owner
     * @param key key
     * @param value value as UTF-8 text
     * @param valueBase64 value, base64
     */
    record KeyValueView(String node, String key, String value, String valueBase64) {
    }

    /**
     * A key as it changed: the answer to a write or delete of this node's key, and the SSE
     * data of a {@code key-changed} event.
     *
     * @param node owner
     * @param key key
     * @param value new value as UTF-8 text; empty when deleted
     * @param valueBase64 new value, base64
     * @param version the key's version now
     * @param deleted whether the key is now a tombstone
     */
    record KeyChangeView(String node, String key, String value, String valueBase64, long version, boolean deleted) {
    }

    /**
     * A user event.
     *
     * @param origin member that fired it
     * @param lamportTime its Lamport time at the origin
     * @param name event name
     * @param payload payload as UTF-8 text
     * @param payloadBase64 payload, base64
     */
    record EventView(String origin, long lamportTime, String name, String payload, String payloadBase64) {
    }

    /**
     * How one member answered a reachability check.
     *
     * @param member member name
     * @param address where it was probed
     * @param udp whether it answered over UDP
     * @param tcp whether it answered over TCP
     * @param udpRttMillis UDP round trip; null when it did not answer
     * @param tcpRttMillis TCP round trip; null when it did not answer
     */
    record ReachabilityView(String member, String address, boolean udp, boolean tcp, Double udpRttMillis,
                            Double tcpRttMillis) {
    }

    /**
     * This node's keyring and what every live member reports.
     *
     * @param primary fingerprint of this node's primary key
     * @param keys fingerprints of this node's keys, primary first
     * @param members each live member's reported keyring, by name
     */
    record KeysView(String primary, List<String> keys, Map<String, KeyringView> members) {
    }

    /**
     * Whether this node is joined and agrees with its peers.
     *
     * @param healthy the verdict
     * @param reason why not; empty when healthy
     * @param liveMembers live members in this node's view
     * @param disagreeing peers whose view differs
     */
    record HealthView(boolean healthy, String reason, int liveMembers, List<String> disagreeing) {
    }

    /**
     * An identity (for name conflicts).
     *
     * @param name node name
     * @param address gossip address
     * @param generation generation
     */
    record IdentityView(String name, String address, long generation) {
    }

    /**
     * SSE data of a {@code member-changed} event.
     *
     * @param member the member after the change
     * @param change why
     * @param onWordOf who reported it
     */
    record MemberChangedData(MemberView member, String change, String onWordOf) {
    }

    /**
     * SSE data of a {@code name-conflict} event.
     *
     * @param kept identity kept
     * @param rejected identity refused
     */
    record NameConflictData(IdentityView kept, IdentityView rejected) {
    }

    /**
     * A {@code service-event}: what an installed service handed the application.
     *
     * @param channel the service's channel
     * @param event the service's event, serialised as its public fields (records by component)
     */
    record ServiceEventData(String channel, Object event) {
    }

    /**
     * SSE data of a {@code ring-repair-completed} event: a closed-loop ring repair of the shared
     * keyspace that ended at this node (docs/SHARED-KEYSPACE.md).
     *
     * @param partition the range repaired
     * @param round the origin's round number
     * @param origin the node that started the round
     * @param steps pair repairs of the last walk
     * @param walk the replicas walked, in walk order
     * @param skipped replicas left out because they were down when their turn came
     * @param entriesPerHop for each hop, the entries that won at either end of its pair repair
     * @param entriesRepaired their sum
     * @param verified whether every replica of the walk reported the same root hash
     */
    record RingRepairData(int partition, long round, String origin, int steps, List<String> walk,
                          List<String> skipped, List<Long> entriesPerHop, long entriesRepaired, boolean verified) {
    }

    static RingRepairData ringRepair(RingRepairReport report) {
        return new RingRepairData(report.partition(), report.round(), report.origin(), report.steps(), report.walk(),
                report.skipped(), report.entriesPerHop(), report.entriesRepaired(), report.verified());
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String text(Bytes bytes) {
        return new String(bytes.toArray(), StandardCharsets.UTF_8);
    }

    static String base64(Bytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.toArray());
    }

    private static long ageMillis(long atNanos, long nowNanos) {
        return Math.max(0, (nowNanos - atNanos) / 1_000_000);
    }

    static MemberView member(Member member, long nowNanos) {
        return new MemberView(member.name(), member.id().address().toString(), lower(member.status()),
                member.incarnation(), member.id().generation(), ageMillis(member.sinceNanos(), nowNanos));
    }

    static MemberDetailView memberDetail(Member member, List<Transition> history, KeyringView keyring,
                                         long nowNanos) {
        MemberView view = member(member, nowNanos);
        return new MemberDetailView(view.name(), view.address(), view.status(), view.incarnation(), view.generation(),
                view.statusAgeMillis(), history.stream().map(t -> transition(t, nowNanos)).toList(), keyring);
    }

    static TransitionView transition(Transition t, long nowNanos) {
        return new TransitionView(t.atNanos(), ageMillis(t.atNanos(), nowNanos), lower(t.change()), lower(t.status()),
                t.incarnation(), t.generation(), t.onWordOf(), t.detail());
    }

    static KeyringView keyring(KeyringStatus status) {
        return new KeyringView(status.primary(), status.installed());
    }

    static KeyValueView keyValue(String node, String key, Bytes value) {
        return new KeyValueView(node, key, text(value), base64(value));
    }

    static KeyChangeView keyChange(KeyChange change) {
        return new KeyChangeView(change.owner().name(), change.key(), text(change.value()), base64(change.value()),
                change.newVersion(), change.deleted());
    }

    static EventView event(DeliveredEvent event) {
        return new EventView(event.origin(), event.lamportTime(), event.name(), text(event.payload()),
                base64(event.payload()));
    }

    static ReachabilityView reachability(Reachability r) {
        return new ReachabilityView(r.member(), r.address().toString(), r.byDatagram(), r.byStream(),
                r.byDatagram() ? r.datagramRttNanos() / 1e6 : null, r.byStream() ? r.streamRttNanos() / 1e6 : null);
    }

    static IdentityView identity(NodeId id) {
        return new IdentityView(id.name(), id.address().toString(), id.generation());
    }

    /** The SSE {@code data} of {@code event}, before {@link EventStream} adds its {@code atMillis} stamp. */
    static Object eventData(ClusterEvent event, long nowNanos) {
        return switch (event.kind()) {
            case MEMBER_CHANGED -> {
                ClusterEvent.MemberChanged changed = (ClusterEvent.MemberChanged) event;
                yield new MemberChangedData(member(changed.member(), nowNanos), lower(changed.change()),
                        changed.onWordOf());
            }
            case NAME_CONFLICT -> {
                ClusterEvent.NameConflict conflict = (ClusterEvent.NameConflict) event;
                yield new NameConflictData(identity(conflict.kept()), identity(conflict.rejected()));
            }
            case USER_EVENT -> event(((ClusterEvent.UserEventReceived) event).event());
            case KEY_CHANGED -> keyChange(((ClusterEvent.KeyChanged) event).change());
            case RING_REPAIR_COMPLETED -> ringRepair(((ClusterEvent.RingRepairCompleted) event).report());
            case SERVICE_EVENT -> {
                ClusterEvent.ServiceEvent service = (ClusterEvent.ServiceEvent) event;
                yield new ServiceEventData(service.channel(), service.event());
            }
        };
    }

    /** The SSE {@code event} type of {@code event}. */
    static String eventType(ClusterEvent event) {
        return switch (event.kind()) {
            case MEMBER_CHANGED -> "member-changed";
            case NAME_CONFLICT -> "name-conflict";
            case USER_EVENT -> "user-event";
            case KEY_CHANGED -> "key-changed";
            case RING_REPAIR_COMPLETED -> "ring-repair-completed";
            case SERVICE_EVENT -> "service-event";
        };
    }
}
