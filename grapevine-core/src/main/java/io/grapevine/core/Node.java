package io.grapevine.core;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.detector.Admission;
import io.grapevine.core.detector.FailureDetector;
import io.grapevine.core.detector.ProofOfLife;
import io.grapevine.core.detector.LifeguardSuspicions;
import io.grapevine.core.detector.AccusationNotifier;
import io.grapevine.core.detector.ProbeTargets;
import io.grapevine.core.detector.Reachability;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.dissemination.DirectMail;
import io.grapevine.core.dissemination.DirectMailStats;
import io.grapevine.core.dissemination.FlowControl;
import io.grapevine.core.dissemination.FlowStats;
import io.grapevine.core.dissemination.GossipRounds;
import io.grapevine.core.dissemination.MailReceipts;
import io.grapevine.core.dissemination.MemberRumors;
import io.grapevine.core.dissemination.RumorPolicy;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.dissemination.UserEvents;
import io.grapevine.core.dissemination.ZoneRelay;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.membership.ForceLeave;
import io.grapevine.core.membership.Member;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.MembershipObserver;
import io.grapevine.core.membership.MembershipRules;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.membership.Transition;
import io.grapevine.core.membership.UpdateVerdict;
import io.grapevine.core.membership.CrossZone;
import io.grapevine.core.membership.ZoneView;
import io.grapevine.core.repair.KeyspaceReplicator;
import io.grapevine.core.service.Service;
import io.grapevine.core.service.ServiceContext;
import io.grapevine.core.service.ServiceHost;
import io.grapevine.core.service.ServiceState;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.sync.MemberListExchange;
import io.grapevine.core.sync.StateReplicator;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.Interner;
import io.grapevine.core.wire.MailAck;
import io.grapevine.core.wire.MailTag;
import io.grapevine.core.wire.MemberListDigest;
import io.grapevine.core.wire.MemberListSync;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Nack;
import io.grapevine.core.wire.Packet;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.PingReq;
import io.grapevine.core.wire.Receiver;
import io.grapevine.core.wire.RumorKnown;
import io.grapevine.core.wire.ServiceMessage;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StateDigest;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.UserEvent;
import io.grapevine.core.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One cluster member's protocol, as a pure state machine: SWIM membership and failure
 * detection with Lifeguard, rumor dissemination, full state sync, user events, and the shared
 * keyspace (any node writes, rf replicas on a hash ring, Merkle and closed-loop ring repair).
 *
 * <p>Inputs are method calls carrying the current time ({@code nowNanos}, monotonic); outputs
 * (packets to send, events) are written into the caller's {@link Outputs} during the call;
 * {@link #nextDeadlineNanos()} says when {@link #onTick} must be called next. The node has
 * no threads, clock, sockets or randomness of its own: the same config, seed and inputs give
 * the same outputs, bit for bit.
 *
 * <p>The node is the facade: it builds the rooms (membership, detector, dissemination, sync,
 * state), wires them through their small interfaces, and routes each input to the room whose
 * job it is. It holds no protocol logic of its own.
 *
 * <p>Not thread-safe: confine each node to one thread (the runtime's event loop, or the
 * simulator). Network input never throws: bad packets are dropped and counted by
 * {@link DropReason}. API misuse (e.g. an oversized event payload) throws
 * {@link IllegalArgumentException}.
 */
public final class Node {
    private final CoreConfig config;
    private final TrafficCounters counters = new TrafficCounters();
    private final Receiver receiver;
    private final MemberTable table;
    private final RumorQueue rumors;
    private final Transmitter transmitter;
    private final MailReceipts receipts;
    private final DirectMail mail;
    private final FlowControl flow;
    private final Admission admission;
    private final ProofOfLife proofs;
    private final MembershipRules membership;
    private final FailureDetector detector;
    private final AccusationNotifier accusations;
    private final GossipRounds gossipRounds;
    private final UserEvents events;
    private final MemberListExchange exchange;
    private final ReplicatedState state;
    private final StateReplicator replicator;
    private final KeyspaceReplicator shared;
    private final SharedKeyspace sharedFace;
    private final RandomSource random;
    private final ZoneView zones;
    private final ZoneRelay zoneRelay;
    private final ServiceHost<Outputs> services;
    private ServiceAwareOutputs servicesView;

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
        this(config, self, random, nowNanos, new Interner(2 * config.membership().maxMembers()));
    }

    /**
     * A node like {@link #Node(CoreConfig, NodeId, RandomSource, long)} whose decoder
     * canonicalizes identities through {@code interner}; a simulator shares one among its
     * nodes to hold N members per node without N copies of each identity (see
     * {@link Interner} for why sharing is harmless).
     */
    public Node(CoreConfig config, NodeId self, RandomSource random, long nowNanos, Interner interner) {
        this(config, self, random, nowNanos, interner, new MemoryKeyStore(), 0);
    }

    /**
     * A node like {@link #Node(CoreConfig, NodeId, RandomSource, long, Interner)} whose shared
     * keyspace lives in {@code store} (a persistent one survives restarts: the node serves what
     * it held and repairs only what it missed), stamping writes with wall-clock time
     * {@code nowNanos + clockOffsetNanos} (the driver's wall clock minus its monotonic one).
     */
    public Node(CoreConfig config, NodeId self, RandomSource random, long nowNanos, Interner interner,
                KeyStore store, long clockOffsetNanos) {
        this.config = config;
        this.table = new MemberTable(config.membership().historyPerMember(), config.membership().maxTombstones());
        MemberEntry selfEntry = table.add(self, 0, MemberStatus.ALIVE, nowNanos);
        this.rumors = new RumorQueue(config.gossip().maxRumors(), random);
        this.receipts = new MailReceipts(config.gossip().mailAckDelayNanos());
        this.transmitter = new Transmitter(config.wire(), config.gossip().retransmitMult(), self, table, rumors,
                counters, receipts);
        this.state = new ReplicatedState(self, config.state());
        this.zones = new ZoneView(config.zone(), table, selfEntry,
                StateZoneDirectory.publish(config.zone(), state, nowNanos));
        // with no zone every sampler is the flat one, draw for draw
        PeerSampler peers = new PeerSampler(table, selfEntry, random, zones, CrossZone.PARTNER_IF_LINK);
        // the node's mail takes ids from 1, the zone relay's from 2^62: an acknowledgement names one mail
        this.mail = new DirectMail(config.gossip(), new PeerSampler(table, selfEntry, random, zones, CrossZone.EACH_ZONE),
                transmitter, table, 1, 1, this::mailRetryWaitNanos);
        this.zoneRelay = new ZoneRelay(zones, new DirectMail(config.gossip(),
                new PeerSampler(table, selfEntry, random, zones, CrossZone.NONE), transmitter, table, 1L << 62, 1,
                this::mailRetryWaitNanos));
        this.flow = new FlowControl(config.gossip().flowBudgetBytesPerSecond(), config.gossip().flowIntervalNanos(),
                counters, nowNanos);
        MemberRumors memberRumors = new MemberRumors(rumors, mail, config.gossip().membershipRumorPolicy());
        LifeguardSuspicions suspicions = new LifeguardSuspicions(config.detector(), zones);
        ProbeTargets probeTargets = new ProbeTargets(config.detector());
        this.replicator = new StateReplicator(config.sync(), config.wire().mtuBytes(), config.wire().maxStreamBytes(),
                state, selfEntry, transmitter, mail, peers, rumors, config.gossip().stateRumorPolicy(), flow, random, nowNanos);
        this.membership = new MembershipRules(config.membership(), table, selfEntry, suspicions, memberRumors,
                MembershipObserver.both(probeTargets, replicator), counters);
        // each room draws its first timer's random offset here, in this order: gossip, push-pull,
        // anti-entropy (probes fall on wall-clock slots and draw none)
        this.detector = new FailureDetector(config.detector(), table, membership, suspicions, probeTargets,
                transmitter, mail, peers, random, counters, config.stallToleranceNanos(), clockOffsetNanos, nowNanos);
        this.gossipRounds = new GossipRounds(config.gossip(), peers, transmitter, rumors, flow, random, nowNanos);
        this.events = new UserEvents(config.gossip(), self.name(), rumors, mail, counters);
        this.exchange = new MemberListExchange(config.sync(), config.wire().maxStreamBytes(), table, membership,
                transmitter, mail, peers, events, counters, random, nowNanos);
        replicator.start(nowNanos);
        this.proofs = new ProofOfLife(config.detector().proofOfLifeAcks(), config.detector().proofOfLifeFirstAcks(),
                config.detector().proofOfLifeAttempts(),
                // an answer counts if it comes within a probe period (a starved member answers late, a
                // lossy one not at all); a member of another zone gets the WAN probe period, since a
                // wide-area round trip may be longer than the LAN one
                config.detector().probeIntervalNanos() / 5, name -> zones.localName(name)
                        ? config.detector().probeIntervalNanos() : config.zone().wanProbeIntervalNanos(),
                config.detector().proofOfLifeMemoryNanos(), transmitter);
        membership.gateRefutations(proofs::begin);
        detector.holdSuspicionsWhile(proofs::holding);
        this.admission = new Admission(config.membership(), transmitter, counters, random, nowNanos);
        this.accusations = new AccusationNotifier(config.detector(), table, transmitter, self.name());
        this.receiver = new Receiver(config.wire().clusterLabel(), self, interner, counters);
        this.shared = new KeyspaceReplicator(config.keyspace(), config.wire().maxStreamBytes(), self.name(), store, table,
                transmitter, random, counters, clockOffsetNanos);
        this.sharedFace = new SharedKeyspace(shared, detector::observeTime);
        this.random = random;
        this.services = new ServiceHost<>(table, transmitter, new StateForServices(), counters, self.name(),
                config.wire().maxStreamBytes());
    }

    /**
     * Installs an application {@link Service} on its channel: from now on it receives that
     * channel's messages, its timers run with the node's, and it hears of member and
     * replicated-state changes. Install before the node's first input (before {@link #join}), on
     * every member that should speak the protocol; its random source is split from the node's
     * here, so installing changes the node's later random draws (still deterministic).
     *
     * @throws IllegalArgumentException if the channel is invalid or already taken
     */
    public void install(Service service) {
        services.install(service, random);
    }

    /**
     * Drives the service installed on {@code channel}: calls {@code action} with it and a
     * context at {@code nowNanos} whose sends and writes go to {@code out}. How an application
     * asks its service to act (take slots, append a block, ...), on the node's thread.
     *
     * @throws IllegalArgumentException if no service of type {@code type} is on {@code channel}
     */
    public <S extends Service, R> R callService(String channel, Class<S> type, long nowNanos, Outputs out,
                                                BiFunction<S, ServiceContext, R> action) {
        detector.observeTime(nowNanos);
        Outputs seen = seenByServices(out);
        R result = services.call(channel, type, nowNanos, seen, action);
        services.drain(nowNanos, seen);
        return result;
    }

    /** The service installed on {@code channel}, if any (to read its state on the node's thread). */
    public Optional<Service> service(String channel) {
        return services.service(channel);
    }

    /** The driver's outputs, seen through by the services when any is installed (one wrapper per driver outputs). */
    private Outputs seenByServices(Outputs out) {
        if (services.isEmpty()) {
            return out;
        }
        if (servicesView == null || servicesView.driver() != out) {
            servicesView = new ServiceAwareOutputs(out, services);
        }
        return servicesView;
    }

    /** The replicated state as services reach it (keys arrive namespaced by the service room). */
    private final class StateForServices implements ServiceState<Outputs> {
        @Override
        public KeyChange put(String key, byte[] value, long nowNanos, Outputs out) {
            return replicator.put(key, value, KeyPriority.CONTROL, 0, nowNanos, out);
        }

        @Override
        public Optional<KeyChange> delete(String key, long nowNanos, Outputs out) {
            return replicator.delete(key, nowNanos, out);
        }

        @Override
        public Optional<Bytes> get(String owner, String key) {
            return state.get(owner, key);
        }

        @Override
        public Map<String, Bytes> entries(String owner) {
            return state.liveEntries(owner);
        }
    }

    /** This node's identity. */
    public NodeId self() {
        return membership.self().id();
    }

    /** The configuration this node runs with. */
    public CoreConfig config() {
        return config;
    }

    /**
     * Starts from a converged view instead of a join: every member of {@code members} other
     * than this node is known ALIVE at incarnation 0, with no event, rumor or history, as if
     * the cluster had formed long ago. For simulators and tests that study a running cluster
     * (a failure, an event) without paying for N cold joins first; call before the first input.
     *
     * @throws IllegalArgumentException if a member is listed twice or the table would overflow
     */
    public void preload(List<NodeId> members, long nowNanos) {
        for (NodeId member : members) {
            if (!member.name().equals(self().name())) {
                membership.preload(member, nowNanos);
            }
        }
        transmitter.refreshClusterSize();
        zones.refresh(nowNanos, true);
    }

    /** Joins through {@code seeds}: a full state exchange with each over a stream. */
    public void join(List<Address> seeds, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Outputs seen = seenByServices(out);
        exchange.join(seeds, seen);
        services.drain(nowNanos, seen);
    }

    /** Handles one received datagram. Never throws on bad input: it is dropped and counted. */
    public void onDatagram(Address from, byte[] packet, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Packet decoded = receiver.accept(packet, Receiver.MAX_DATAGRAM_BYTES);
        if (decoded == null) {
            return;
        }
        Outputs seen = seenByServices(out);
        NodeId sender = decoded.sender();
        boolean attributed = membership.attributable(sender, from);
        if (!attributed && !membership.knows(sender.name())) {
            if (config.membership().sendersAuthenticated() && sender.address().equals(from)) {
                // sealed under the cluster's key, from the address it claims: a key holder, no probe needed
                membership.admit(new MemberUpdate(sender, 0, MemberStatus.ALIVE, sender.name()), nowNanos, seen);
                attributed = membership.attributable(sender, from);
            } else {
                admission.propose(sender, 0, nowNanos, seen);
            }
        }
        for (WireMessage message : decoded.messages()) {
            dispatch(from, sender, message, false, attributed, nowNanos, seen);
        }
        accusations.heardFrom(decoded.sender(), nowNanos, seen);
        services.drain(nowNanos, seen);
    }

    /** Handles one message received over a stream (join, push-pull, fallback probe). */
    public void onStream(Address from, byte[] packet, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Packet decoded = receiver.accept(packet, config.wire().maxStreamBytes());
        if (decoded == null) {
            return;
        }
        Outputs seen = seenByServices(out);
        // a stream's connection proves its peer's address: its word is attributed
        for (WireMessage message : decoded.messages()) {
            dispatch(from, decoded.sender(), message, true, true, nowNanos, seen);
        }
        services.drain(nowNanos, seen);
    }

    /**
     * The runtime could not open a stream to {@code to} because the connection was actively
     * refused (a TCP reset: no process listens there), as opposed to timing out. Evidence for
     * the failure detector only; it never removes a member by itself.
     */
    public void onStreamRefused(Address to, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Outputs seen = seenByServices(out);
        detector.onStreamRefused(to, nowNanos, seen);
        services.drain(nowNanos, seen);
    }

    private void dispatch(Address from, NodeId sender, WireMessage message, boolean stream, boolean attributed,
                          long nowNanos, Outputs out) {
        switch (message.kind()) {
            case PING -> detector.onPing(from, (Ping) message, stream, out);
            case ACK -> {
                Ack ack = (Ack) message;
                if (admission.owns(ack.sequence())) {
                    MemberUpdate proven = admission.answered(ack.sequence(), sender, from);
                    if (proven != null) {
                        membership.admit(proven, nowNanos, out);
                    }
                } else if (proofs.owns(ack.sequence())) {
                    MemberUpdate refutation = proofs.answered(ack.sequence(), sender, from, nowNanos);
                    if (refutation != null) {
                        membership.applyProven(refutation, nowNanos, out);
                    }
                } else {
                    detector.onAck(ack, stream, nowNanos, out);
                }
            }
            case NACK -> detector.onNack((Nack) message);
            case PING_REQ -> detector.onPingReq(from, (PingReq) message, nowNanos, out);
            case MEMBER_UPDATE -> {
                MemberUpdate update = (MemberUpdate) message;
                if (!attributed && update.status().isLive() && !membership.knows(update.member().name())) {
                    // an unattributable packet may not introduce a member by its word: probe it first
                    admission.propose(update.member(), update.incarnation(), nowNanos, out);
                    return;
                }
                UpdateVerdict verdict = membership.onUpdate(update, nowNanos, out);
                boolean news = verdict == UpdateVerdict.APPLIED || verdict == UpdateVerdict.CONFIRMED
                        || verdict == UpdateVerdict.REFUTED;
                if (!news && !stream && wantsFeedback(config.gossip().membershipRumorPolicy())) {
                    receipts.oweKnown(sender.address(), RumorQueue.hashOf(MemberRumors.keyOf(update.member().name())),
                            nowNanos);
                }
            }
            case USER_EVENT -> {
                UserEvent event = (UserEvent) message;
                boolean news = events.onUserEvent(event, out);
                if (!news && !stream && wantsFeedback(config.gossip().eventRumorPolicy())) {
                    receipts.oweKnown(sender.address(), RumorQueue.hashOf(UserEvents.keyOf(event)), nowNanos);
                }
                zoneRelay.relay(message, sender, news && !stream, nowNanos, out);
            }
            case MEMBER_LIST_SYNC -> exchange.onMemberListSync(from, sender, (MemberListSync) message, stream,
                    nowNanos, out);
            case STATE_DIGEST -> replicator.onDigest(from, (StateDigest) message, out);
            case STATE_ACK -> replicator.onAck(from, (StateAck) message, nowNanos, out);
            case STATE_PUSH -> {
                StatePush push = (StatePush) message;
                long learnedBefore = state.appliedChanges();
                boolean news = replicator.onPush(push, nowNanos, out);
                zoneRelay.relay(message, sender, !stream && state.appliedChanges() > learnedBefore, nowNanos, out);
                if (!news && !stream
                        && wantsFeedback(config.gossip().stateRumorPolicy()) && push.delta().parts().size() == 1
                        && push.delta().parts().get(0).entries().size() == 1) {
                    var part = push.delta().parts().get(0);
                    receipts.oweKnown(sender.address(), RumorQueue.hashOf(StateReplicator.rumorKey(part.owner().name(),
                            part.entries().get(0).key())), nowNanos);
                }
            }
            case RUMOR_KNOWN -> transmitter.onRumorKnown((RumorKnown) message);
            case KEY_WRITE, KEY_WRITE_ACK, KEY_READ, KEY_SCAN, KEY_READ_REPLY, MERKLE_HASHES, MERKLE_ENTRIES, RING_REPAIR,
                    MERKLE_IN_SYNC -> shared.onMessage(from, sender, message, nowNanos, out);
            case MEMBER_LIST_DIGEST -> exchange.onMemberListDigest(from, (MemberListDigest) message, stream, out);
            case SERVICE_MESSAGE -> services.onMessage(sender.name(), (ServiceMessage) message, nowNanos, out);
            case MAIL_TAG -> receipts.owe(sender.address(), ((MailTag) message).id(), nowNanos);
            case MAIL_ACK -> {
                mail.onAck(sender.name(), (MailAck) message);
                zoneRelay.onAck(sender.name(), (MailAck) message);
            }
            default -> throw new IllegalStateException("unhandled " + message.kind());
        }
    }

    /**
     * How long an unacknowledged mail waits before its first resend: {@code directMailRetryNanos},
     * or twice the slowest recent probe round trip plus the acknowledgement's delay when that is
     * longer (a loaded host or a slow network must not turn every mail into three).
     */
    private long mailRetryWaitNanos() {
        long slowest = detector == null ? 0 : detector.roundTrips().max();
        return Math.max(config.gossip().directMailRetryNanos(), 2 * slowest + config.gossip().mailAckDelayNanos());
    }

    private static boolean wantsFeedback(RumorPolicy policy) {
        return policy.interest() == RumorPolicy.Interest.FEEDBACK;
    }

    /** Runs every timer that is due at {@code nowNanos}, room by room. */
    public void onTick(long nowNanos, Outputs driverOut) {
        detector.observeTime(nowNanos);
        Outputs out = seenByServices(driverOut);
        transmitter.refreshClusterSize();
        zones.refresh(nowNanos, false);
        admission.expire(nowNanos);
        proofs.onTick(nowNanos, out);
        mail.onTick(nowNanos, out);
        zoneRelay.onTick(nowNanos, out);
        detector.onTick(nowNanos, out);
        gossipRounds.onTick(nowNanos, out);
        exchange.onTick(nowNanos, out);
        replicator.onTick(nowNanos, out);
        membership.onTick(nowNanos, out);
        shared.onTick(nowNanos, out);
        services.drain(nowNanos, out);
        services.onTick(nowNanos, out);
        transmitter.flushReceipts(nowNanos, out);
    }

    /** When {@link #onTick} must be called next (node time). */
    public long nextDeadlineNanos() {
        long next = Math.min(detector.nextDeadlineNanos(), gossipRounds.nextDeadlineNanos());
        next = Math.min(next, exchange.nextDeadlineNanos());
        next = Math.min(next, replicator.nextDeadlineNanos());
        next = Math.min(next, shared.nextDeadlineNanos());
        next = Math.min(next, services.nextDeadlineNanos());
        next = Math.min(next, mail.nextDeadlineNanos());
        next = Math.min(next, zoneRelay.nextDeadlineNanos());
        next = Math.min(next, receipts.nextDeadlineNanos());
        next = Math.min(next, admission.nextDeadlineNanos());
        next = Math.min(next, proofs.nextDeadlineNanos());
        return Math.min(next, membership.nextDeadlineNanos());
    }

    /** Leaves gracefully: the leave rides out at top priority; keep ticking until {@link #leaveSpread()}. */
    public void leave(long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Outputs seen = seenByServices(out);
        membership.leave(nowNanos, seen);
        services.drain(nowNanos, seen);
    }

    /** True once this node has left and its leave rumor has been retransmitted to the limit. */
    public boolean leaveSpread() {
        return membership.leaveSpread();
    }

    /**
     * Fires a user event: delivered here at once and disseminated to every member.
     *
     * @throws IllegalArgumentException if the payload exceeds {@code maxEventPayloadBytes}
     */
    public DeliveredEvent fireEvent(String name, byte[] payload, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        return events.fire(name, payload, nowNanos, out);
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
        detector.observeTime(nowNanos);
        return replicator.put(key, value, priority, ttlNanos, nowNanos, out);
    }

    /**
     * Serf's force-leave: a member this node holds as failed (DEAD) becomes LEFT, on this
     * node's word, and that spreads; a live member or an unknown name is refused (see
     * {@link ForceLeave}).
     */
    public ForceLeave forceLeave(String name, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        Outputs seen = seenByServices(out);
        ForceLeave result = membership.forceLeave(name, nowNanos, seen);
        services.drain(nowNanos, seen);
        return result;
    }

    /**
     * Starts a reachability check: every live member is pinged over datagrams and over a
     * stream; {@link #reachability()} reports who answered on which, as the acks arrive.
     */
    public void checkReachability(long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
        detector.checkReachability(nowNanos, out);
    }

    /** The answers to the last {@link #checkReachability} so far, in probe order. */
    public List<Reachability> reachability() {
        return detector.reachability();
    }

    /** Deletes this node's {@code key} (a tombstone spreads); empty if it held no live value. */
    public Optional<KeyChange> delete(String key, long nowNanos, Outputs out) {
        detector.observeTime(nowNanos);
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

    /** The shared keyspace: keys any node writes, held by {@code rf} replicas (see {@link SharedKeyspace}). */
    public SharedKeyspace shared() {
        return sharedFace;
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

    /** What flow control is doing: the allowed rate, own keys waiting, decreases and deferrals so far. */
    public FlowStats flow() {
        return new FlowStats(flow.enabled(), flow.rateBytesPerSecond(), replicator.deferredKeys(), flow.decreases(),
                flow.deferrals());
    }

    /**
     * Accusations that did not count: suspicions from accusers that were not credible here
     * (suspect, unknown, or refuted within {@code accuserProbationNanos}), plus this node's own
     * suspicions withheld while its Lifeguard health was degraded.
     */
    public long accusationsHeld() {
        return membership.heldAccusations() + detector.withheldSuspicions();
    }

    /** Members heard of by unattributable datagrams that wait for their admission probe's answer. */
    public int admissionCandidates() {
        return admission.candidates();
    }

    /** Rumor transmissions this node has made (one per rumor per packet it rode in). */
    public long rumorTransmissions() {
        return rumors.transmissions();
    }

    /** Rumor feedback reports (a recipient already had the rumor) that counted against a feedback rumor here. */
    public long rumorFeedbackEvents() {
        return rumors.feedbackEvents();
    }

    /** What acknowledged direct mail has done: mails tagged, acknowledgements, resends, pending, drops. */
    public DirectMailStats directMail() {
        return mail.stats();
    }

    /** This node's zone ("" when it has none: the flat protocol). */
    public String zone() {
        return zones.zone();
    }

    /** The zone {@code member} published, as known here ("" if unknown; this node's own for itself). */
    public String zoneOf(String member) {
        return table.find(member).map(zones::zoneOf).orElse("");
    }

    /**
     * Every zone's cross-zone links as this node last chose them (its own zone's included), by
     * zone name; empty when this node has no zone.
     */
    public Map<String, List<String>> zoneLinks() {
        return zones.linksByZone();
    }

    /** A snapshot of this node's counters. */
    public NodeMetrics metrics() {
        long dropped = rumors.totalDrops();
        return new NodeMetrics(counters.packetsSent(), counters.bytesSent(), counters.packetsReceived(),
                counters.bytesReceived(), rumors.size(), rumors.maxSize(), dropped, detector.healthScore(),
                counters.drops(), detector.roundTrips().quantile(0.5), detector.roundTrips().quantile(0.99));
    }

    /**
     * The host this node's last full-state request came from as the peer that answered saw it,
     * or empty before any answer. When it differs from the advertised host, members may be
     * unable to reach this node (NAT, a wrong advertise address).
     */
    public String observedHost() {
        return exchange.observedHost();
    }

    /**
     * Members whose last successful probe was answered only over the stream: reachable over
     * TCP but not UDP (often a firewall), kept alive by the fallback probe rather than flapped.
     */
    public List<String> membersReachableOnlyByStream() {
        return detector.streamOnlyMembers();
    }
}
