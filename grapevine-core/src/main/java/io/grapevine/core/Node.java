package io.grapevine.core;

import io.grapevine.core.detector.LocalHealth;
import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberStatus;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.membership.Transition;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.Interner;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Nack;
import io.grapevine.core.wire.Packet;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.PingReq;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StateAck2;
import io.grapevine.core.wire.StateSyn;
import io.grapevine.core.wire.StateSync;
import io.grapevine.core.wire.Bytes;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.state.KeyPriority;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.wire.UserEvent;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster member's protocol, as a pure state machine: SWIM membership and failure
 * detection with Lifeguard, rumor dissemination, full state sync and user events.
 *
 * <p>Inputs are method calls carrying the current time ({@code nowNanos}, monotonic); outputs
 * (packets to send, events) are written into the caller's {@link Outputs} during the call;
 * {@link #nextDeadlineNanos()} says when {@link #onTick} must be called next. The node has
 * no threads, clock, sockets or randomness of its own: the same config, seed and inputs give
 * the same outputs, bit for bit.
 *
 * <p>Not thread-safe: confine each node to one thread (the runtime's event loop, or the
 * simulator). Network input never throws: bad packets are dropped and counted by
 * {@link DropReason}. API misuse (e.g. an oversized event payload) throws
 * {@link IllegalArgumentException}.
 */
public final class Node {
    private final CoreConfig config;
    private final MemberTable table;
    private final RumorQueue rumors;
    private final Counters counters = new Counters();
    private final Transmitter transmitter;
    private final Membership membership;
    private final FailureDetector detector;
    private final Suspicions suspicions;
    private final Gossiper gossiper;
    private final Interner interner;
    private final ReplicatedState state;
    private final StateReplicator replicator;
    private final AccusationNotifier accusations;
    private long lastInputNanos;

    /**
     * A node that knows only itself, alive at incarnation 0.
     *
     * @param config validated protocol configuration
     * @param self this node's identity; its generation must differ from any previous life's
     * @param random the node's own random source (derived from the simulation seed, or seeded
     *               from entropy by the runtime)
     * @param nowNanos the current time
     */
    public Node(CoreConfig config, NodeId self, RandomSource random, long nowNanos) {
        this(config, self, random, nowNanos, new Interner(2 * config.maxMembers()));
    }

    /**
     * A node like {@link #Node(CoreConfig, NodeId, RandomSource, long)} whose decoder
     * canonicalizes identities through {@code interner}; a simulator shares one among its
     * nodes to hold N members per node without N copies of each identity.
     */
    public Node(CoreConfig config, NodeId self, RandomSource random, long nowNanos, Interner interner) {
        this.config = config;
        this.interner = interner;
        this.table = new MemberTable(config.historyPerMember(), config.maxTombstones());
        this.rumors = new RumorQueue(config.maxRumors());
        LocalHealth health = new LocalHealth(config.awarenessMaxMultiplier());
        this.transmitter = new Transmitter(config, self, rumors, counters);
        this.suspicions = new Suspicions(config);
        MemberEntry selfEntry = table.add(self, 0, MemberStatus.ALIVE, nowNanos);
        FailureDetector[] detectorRef = new FailureDetector[1];
        this.membership = new Membership(config, table, suspicions, rumors, health, selfEntry,
                name -> detectorRef[0].memberAdded(name));
        this.detector = new FailureDetector(config, table, membership, transmitter, health, random, counters,
                nowNanos);
        detectorRef[0] = detector;
        this.gossiper = new Gossiper(config, table, membership, transmitter, rumors, random, counters, nowNanos);
        this.state = new ReplicatedState(self, config.state());
        this.replicator = new StateReplicator(config, state, table, selfEntry, transmitter, rumors, random, nowNanos);
        this.accusations = new AccusationNotifier(config, table, transmitter, self.name());
        this.lastInputNanos = nowNanos;
        membership.gossip(selfEntry, self.name());
    }

    /** This node's identity. */
    public NodeId self() {
        return membership.self().id();
    }

    /** The configuration this node runs with. */
    public CoreConfig config() {
        return config;
    }

    /** Joins through {@code seeds}: a full state exchange with each over a stream. */
    public void join(List<Address> seeds, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        gossiper.join(seeds, nowNanos, out);
    }

    /** Handles one received datagram. Never throws on bad input: it is dropped and counted. */
    public void onDatagram(Address from, byte[] packet, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        Packet decoded = decode(packet, 65_535);
        if (decoded == null) {
            return;
        }
        learnSender(decoded.sender(), nowNanos, out);
        for (WireMessage message : decoded.messages()) {
            dispatch(from, decoded.sender(), message, false, nowNanos, out);
        }
        accusations.heardFrom(decoded.sender(), nowNanos, out);
    }

    /**
     * A packet from a member we do not know proves it exists and is alive: admit it (at the
     * lowest incarnation, which any real update supersedes). A join announcement that missed
     * this node then costs a few gossip rounds, not a wait for the next anti-entropy sync.
     */
    private void learnSender(NodeId sender, long nowNanos, Outputs out) {
        if (table.get(sender.name()) == null) {
            applyUpdate(new MemberUpdate(sender, 0, MemberStatus.ALIVE, sender.name()), nowNanos, out);
        }
    }

    /** Handles one message received over a stream (join, push-pull, fallback probe). */
    public void onStream(Address from, byte[] packet, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        Packet decoded = decode(packet, config.maxStreamBytes());
        if (decoded == null) {
            return;
        }
        for (WireMessage message : decoded.messages()) {
            dispatch(from, decoded.sender(), message, true, nowNanos, out);
        }
    }

    /**
     * The runtime could not open a stream to {@code to} because the connection was actively
     * refused (a TCP reset: no process listens there), as opposed to timing out. Evidence for
     * the failure detector only; it never removes a member by itself.
     */
    public void onStreamRefused(Address to, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        detector.onStreamRefused(to, nowNanos, out);
    }

    private Packet decode(byte[] packet, int maxBytes) {
        counters.received(packet == null ? 0 : packet.length);
        int length = packet == null ? 0 : packet.length;
        Decoded decoded = WireCodec.decode(packet, 0, length, config.clusterLabel(), maxBytes, interner);
        if (decoded instanceof Decoded.Rejected rejected) {
            counters.drop(DropReason.of(rejected.reason()));
            return null;
        }
        Packet result = ((Decoded.Ok) decoded).packet();
        if (result.sender().name().equals(self().name())) {
            counters.drop(DropReason.FROM_SELF);
            return null;
        }
        return result;
    }

    private void dispatch(Address from, NodeId sender, WireMessage message, boolean stream, long nowNanos,
                          Outputs out) {
        switch (message.kind()) {
            case PING -> detector.onPing(from, (Ping) message, stream, out);
            case ACK -> detector.onAck((Ack) message, stream, nowNanos, out);
            case NACK -> detector.onNack((Nack) message);
            case PING_REQ -> detector.onPingReq(from, (PingReq) message, nowNanos, out);
            case MEMBER_UPDATE -> applyUpdate((MemberUpdate) message, nowNanos, out);
            case USER_EVENT -> gossiper.onUserEvent((UserEvent) message, out);
            case STATE_SYNC -> {
                if (stream) {
                    gossiper.onStateSync(from, sender, (StateSync) message, nowNanos, out);
                } else {
                    counters.drop(DropReason.WRONG_CHANNEL);
                }
            }
            case STATE_SYN -> replicator.onSyn(from, (StateSyn) message, out);
            case STATE_ACK -> replicator.onAck(from, (StateAck) message, nowNanos, out);
            case STATE_ACK2 -> replicator.onAck2((StateAck2) message, nowNanos, out);
            default -> throw new IllegalStateException("unhandled " + message.kind());
        }
    }

    private void applyUpdate(MemberUpdate update, long nowNanos, Outputs out) {
        UpdateVerdict verdict = membership.apply(update, nowNanos, out);
        if (verdict == UpdateVerdict.STALE_GENERATION) {
            counters.drop(DropReason.STALE_GENERATION);
        } else if (verdict == UpdateVerdict.TABLE_FULL) {
            counters.drop(DropReason.MEMBER_TABLE_FULL);
        }
    }

    /** Runs every timer that is due at {@code nowNanos}. */
    public void onTick(long nowNanos, Outputs out) {
        observeTime(nowNanos);
        transmitter.memberCount(table.liveCount());
        detector.onTick(nowNanos, out);
        for (String name : suspicions.ripe(nowNanos, table.liveCount())) {
            MemberEntry entry = table.get(name);
            membership.declareDead(entry, nowNanos, out);
            if (entry.status() != MemberStatus.DEAD) {
                continue;
            }
            // the verdict is mailed as well as rumored: every member learns it in one hop
            gossiper.mail(new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.DEAD, self().name()),
                    name, out);
        }
        gossiper.onTick(nowNanos, out);
        replicator.onTick(nowNanos, out);
        for (Member reaped : table.reapTombstones(nowNanos, config.tombstoneTtlNanos())) {
            replicator.forget(reaped.name());
            out.emit(new ClusterEvent.MemberChanged(reaped, Change.REAPED, self().name()));
        }
    }

    /**
     * Lifeguard-style stall awareness: if no input reached this node for much longer than its
     * timers allow (a GC pause, CPU starvation), it could hear no refutation meanwhile, so its
     * suspicions are postponed by the gap and its probe in flight is abandoned, not judged.
     */
    private void observeTime(long nowNanos) {
        long gap = nowNanos - lastInputNanos;
        long tolerance = 2 * Math.max(config.probeIntervalNanos(), config.gossipIntervalNanos());
        if (config.lifeguard() && gap > tolerance) {
            suspicions.postponeAll(gap);
            detector.stalled();
        }
        lastInputNanos = Math.max(lastInputNanos, nowNanos);
    }

    /** When {@link #onTick} must be called next (node time). */
    public long nextDeadlineNanos() {
        long next = Math.min(detector.nextDeadlineNanos(), gossiper.nextDeadlineNanos());
        next = Math.min(next, suspicions.nextDeadlineNanos());
        next = Math.min(next, replicator.nextDeadlineNanos());
        return Math.min(next, table.nextReapNanos(config.tombstoneTtlNanos()));
    }

    /** Leaves gracefully: the leave rides out at top priority; keep ticking until {@link #leaveSpread()}. */
    public void leave(long nowNanos, Outputs out) {
        observeTime(nowNanos);
        if (membership.self().status() == MemberStatus.LEFT) {
            return;
        }
        membership.leave(nowNanos, out);
        // direct mail to every member as well as the rumor: a member the rumor misses would
        // otherwise keep the leaver alive until the next anti-entropy sync
        MemberUpdate left = new MemberUpdate(self(), membership.self().incarnation(), MemberStatus.LEFT, self().name());
        for (MemberEntry entry : table.entries()) {
            if (entry != membership.self() && entry.status().isLive()) {
                transmitter.send(entry.id().address(), left, out);
            }
        }
    }

    /** True once this node has left and its leave rumor has been retransmitted to the limit. */
    public boolean leaveSpread() {
        return membership.self().status() == MemberStatus.LEFT
                && !rumors.contains(Membership.rumorKey(self().name()));
    }

    /**
     * Fires a user event: delivered here at once and disseminated to every member.
     *
     * @throws IllegalArgumentException if the payload exceeds {@code maxEventPayloadBytes}
     */
    public UserEvent fireEvent(String name, byte[] payload, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        return gossiper.fire(name, payload, out);
    }

    /**
     * Writes this node's {@code key} in the CONTROL class with no TTL; see
     * {@link #put(String, byte[], KeyPriority, long, long, Outputs)}.
     */
    public KeyChange put(String key, byte[] value, long nowNanos, Outputs out) {
        return put(key, value, KeyPriority.CONTROL, 0, nowNanos, out);
    }

    /**
     * Writes this node's {@code key}: visible here at once (a {@link ClusterEvent.KeyChanged}
     * is emitted), then spread by direct mail, rumor and anti-entropy.
     *
     * @param ttlNanos 0 for none, else the key is deleted after this long
     * @throws IllegalArgumentException if a limit of {@link io.grapevine.core.state.StateConfig} is exceeded
     */
    public KeyChange put(String key, byte[] value, KeyPriority priority, long ttlNanos, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        return replicator.put(key, value, priority, ttlNanos, nowNanos, out);
    }

    /** Deletes this node's {@code key} (a tombstone spreads); empty if it held no live value. */
    public Optional<KeyChange> delete(String key, long nowNanos, Outputs out) {
        observeTime(nowNanos);
        return replicator.delete(key, nowNanos, out);
    }

    /** The live value of {@code owner}'s {@code key} as this node holds it. */
    public Optional<Bytes> get(String owner, String key) {
        return state.get(owner, key);
    }

    /** The live keys of {@code owner} as this node holds them, in key order. */
    public Map<String, Bytes> entries(String owner) {
        return state.liveEntries(owner);
    }

    /** The highest version of {@code owner}'s state held here (0 if none). */
    public long stateVersion(String owner) {
        return state.maxVersion(owner);
    }

    /** Every entry, self and tombstones included, in a deterministic order. */
    public List<Member> members() {
        List<Member> list = new ArrayList<>(table.size());
        for (MemberEntry entry : table.entries()) {
            list.add(entry.snapshot());
        }
        return List.copyOf(list);
    }

    /** The entry for {@code name}, if known. */
    public Optional<Member> member(String name) {
        return table.find(name).map(MemberEntry::snapshot);
    }

    /** Alive and suspect members, self included. */
    public int liveMemberCount() {
        return table.liveCount();
    }

    /** The recorded transitions of {@code name}, oldest first (empty if unknown). */
    public List<Transition> history(String name) {
        return table.find(name).map(MemberEntry::history).orElse(List.of());
    }

    /** A snapshot of this node's counters. */
    public NodeMetrics metrics() {
        long dropped = 0;
        for (RumorPriority priority : RumorPriority.values()) {
            dropped += rumors.drops(priority);
        }
        return new NodeMetrics(counters.packetsSent, counters.bytesSent, counters.packetsReceived,
                counters.bytesReceived, rumors.size(), rumors.maxSize(), dropped, detector.healthScore(),
                counters.drops(), detector.roundTrips().quantile(0.5), detector.roundTrips().quantile(0.99));
    }

    /**
     * The host this node's last full-state request came from as the peer that answered saw it,
     * or empty before any answer. When it differs from the advertised host, members may be
     * unable to reach this node (NAT, a wrong advertise address).
     */
    public String observedHost() {
        return gossiper.observedHost();
    }

    /**
     * Members whose last successful probe was answered only over the stream: reachable over
     * TCP but not UDP (often a firewall), kept alive by the fallback probe rather than flapped.
     */
    public List<String> membersReachableOnlyByStream() {
        return detector.streamOnlyMembers();
    }
}
