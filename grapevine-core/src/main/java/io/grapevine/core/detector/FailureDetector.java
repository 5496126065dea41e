package io.grapevine.core.detector;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.DirectMail;
import io.grapevine.core.dissemination.MemberRumors;
import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.MembershipRules;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.membership.ZoneView;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Nack;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.PingReq;
import io.grapevine.core.wire.TrafficCounters;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SWIM's probe cycle with Lifeguard: one probe per (health-scaled) protocol period, a direct
 * ping, then ping-req through {@code k} relays and a stream probe, then suspicion. Also
 * answers pings and relays ping-reqs for others (with Lifeguard's nack), turns ripe
 * suspicions into verdicts (mailed to every member as well as rumored), and notices when this
 * node itself was stalled. Confined to the node's thread.
 */
public final class FailureDetector {
    private final DetectorConfig config;
    private final MemberTable table;
    private final MembershipRules membership;
    private final LifeguardSuspicions suspicions;
    private final Transmitter transmitter;
    private final DirectMail mail;
    private final PeerSampler peers;
    private final ZoneView zones;
    private final CrossZoneProbes acrossZones;
    private final LocalHealth health;
    private final ProbeSlots slots = new ProbeSlots(this::probeableEntry);
    private final long clockOffsetNanos;
    private final RandomSource random;
    private final TrafficCounters counters;
    private final long stallToleranceNanos;
    private final Relays relays;
    private final RoundTripTimes roundTrips;
    private final Set<String> streamOnly = new LinkedHashSet<>();
    private ReachabilityCheck reachability = new ReachabilityCheck();
    private ProbeRound probe;
    private long nextProbeNanos;
    private long lastInputNanos;
    private int sequence;
    private long withheldSuspicions;
    private java.util.function.Predicate<String> held = name -> false;

    /**
     * A detector probing the members of {@code table}.
     *
     * @param targets the probe schedule and local health the membership rules feed
     * @param stallToleranceNanos a gap between inputs longer than this means this node was stalled
     * @param clockOffsetNanos the driver's wall clock minus its monotonic one: probes fall on
     *        wall-clock slots of one probe interval ({@link ProbeSlots}), so that nodes whose
     *        clocks agree probe in step and every member is probed once per period
     */
    public FailureDetector(DetectorConfig config, MemberTable table, MembershipRules membership,
                           LifeguardSuspicions suspicions, ProbeTargets targets, Transmitter transmitter,
                           DirectMail mail, PeerSampler peers, RandomSource random, TrafficCounters counters,
                           long stallToleranceNanos, long clockOffsetNanos, long nowNanos) {
        this.config = config;
        this.table = table;
        this.membership = membership;
        this.suspicions = suspicions;
        this.transmitter = transmitter;
        this.mail = mail;
        this.peers = peers;
        this.zones = peers.zones();
        this.acrossZones = new CrossZoneProbes(zones, table);
        this.health = targets.health();
        this.clockOffsetNanos = clockOffsetNanos;
        this.random = random;
        this.counters = counters;
        this.stallToleranceNanos = stallToleranceNanos;
        this.relays = new Relays(config.maxPendingRelays());
        this.roundTrips = new RoundTripTimes(config.roundTripSamples());
        this.lastInputNanos = nowNanos;
        // the first probe falls on the next wall-clock slot, in step with the other nodes
        this.nextProbeNanos = slotStart(ProbeSlots.slotOf(nowNanos, clockOffsetNanos, config.probeIntervalNanos()) + 1);
    }

    /** When this detector's next timer (probe, relay, suspicion) is due. */
    public long nextDeadlineNanos() {
        long next = Math.min(nextProbeNanos, relays.nextDeadlineNanos());
        next = Math.min(next, suspicions.nextDeadlineNanos());
        return probe == null ? next : Math.min(next, probe.nextDeadlineNanos());
    }

    /**
     * Lifeguard-style stall awareness, called on every input: if none reached this node for
     * much longer than its timers allow (a GC pause, CPU starvation), it could hear no
     * refutation meanwhile, so its suspicions are postponed by the gap and its probe in
     * flight is abandoned, not judged.
     */
    public void observeTime(long nowNanos) {
        long gap = nowNanos - lastInputNanos;
        if (config.lifeguard() && gap > stallToleranceNanos) {
            suspicions.postponeAll(gap);
            stalled();
        }
        lastInputNanos = Math.max(lastInputNanos, nowNanos);
    }

    /** Runs the probe cycle's timers, then turns ripe suspicions into verdicts. */
    public void onTick(long nowNanos, DetectorOutputs out) {
        probeTimers(nowNanos, out);
        for (String name : suspicions.ripe(nowNanos, table.liveCount())) {
            if (held.test(name)) {
                // its refutation is being proven and it answers: not dead while it does
                suspicions.holdUntil(name, nowNanos + config.probeTimeoutNanos());
                continue;
            }
            MemberEntry suspect = table.get(name);
            if (suspect != null && config.lifeguard() && zones.local(suspect)
                    && suspicions.giveLastWord(name, nowNanos + config.probeTimeoutNanos() * multiplier())) {
                // on others' word alone: tell the suspect once, directly, before giving it up; a
                // member back from a pause answers its accusers at once, while the rumor of its
                // refutation may miss this node for a second. Where the suspect is gone, the
                // accuser's own verdict, mailed to every member, usually arrives first anyway
                transmitter.send(suspect.id().address(), new MemberUpdate(suspect.id(), suspect.incarnation(),
                        MemberStatus.SUSPECT, membership.self().name()), out);
                continue;
            }
            MemberUpdate verdict = membership.declareDead(suspect, nowNanos, out);
            if (verdict != null) {
                // the verdict is mailed as well as rumored: every member learns it in one hop
                mail.mail(verdict, RumorPriority.MEMBERSHIP, MemberRumors.keyOf(name), name, nowNanos, out);
            }
        }
    }

    private void probeTimers(long nowNanos, DetectorOutputs out) {
        for (Relays.Relay relay : relays.expire(nowNanos)) {
            transmitter.send(relay.requester(), new Nack(relay.requesterSequence()), out);
        }
        if (probe != null && !probe.acked() && !probe.indirect() && probe.ackDeadlineNanos() <= nowNanos) {
            probeIndirectly(nowNanos, out);
        }
        if (nextProbeNanos <= nowNanos) {
            judgeProbe(nowNanos, out);
            remindAccused(out);
            startProbe(nowNanos, out);
        }
    }

    /**
     * Once a protocol period, each member of this node's zone that it suspects on its own word
     * hears so directly, for as long as the suspicion runs: the rumor alone may never reach it
     * (receivers do not pass on the word of an accuser whose own refutation is still being
     * proven, and a probe from before a heal may be judged after it), and an accused that never
     * hears cannot refute. One datagram per own suspicion per period; members of other zones
     * are told by this node's probes of them, over the links, as before.
     */
    private void remindAccused(DetectorOutputs out) {
        String self = membership.self().name();
        for (String name : suspicions.raisedBy(self)) {
            MemberEntry entry = table.get(name);
            if (entry != null && entry.status() == MemberStatus.SUSPECT && zones.local(entry)) {
                transmitter.send(entry.id().address(),
                        new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.SUSPECT, self), out);
            }
        }
    }

    /** This node was stalled: its probe in flight proves nothing. */
    private void stalled() {
        if (probe != null && !probe.acked()) {
            probe = null;
            health.apply(1);
        }
    }

    private int multiplier() {
        return config.lifeguard() ? health.multiplier() : 1;
    }

    private long slotStart(long slot) {
        return ProbeSlots.slotStartNanos(slot, clockOffsetNanos, config.probeIntervalNanos());
    }

    private void startProbe(long nowNanos, DetectorOutputs out) {
        // a degraded node (Lifeguard) probes in every multiplier-th slot only; a probe that starts
        // late in its slot (a late tick, the end of a probe across zones) keeps at least 0.9 of
        // its period by ending a slot later: a shortened period would judge it before its relays
        long slot = ProbeSlots.slotOf(nowNanos, clockOffsetNanos, config.probeIntervalNanos());
        long period = config.probeIntervalNanos() * multiplier();
        nextProbeNanos = slotStart(slot + multiplier());
        if (nextProbeNanos - nowNanos < period - config.probeIntervalNanos() / 10) {
            nextProbeNanos = slotStart(slot + multiplier() + 1);
        }
        if (membership.self().status() == MemberStatus.LEFT) {
            return;
        }
        String name = nextTarget(slot);
        if (name == null) {
            return;
        }
        MemberEntry target = table.get(name);
        long timeout = config.probeTimeoutNanos();
        if (!zones.local(target)) {
            // a link probing another zone's link: the WAN timings (docs/PROTOCOL.md, "Zones")
            timeout = zones.config().wanProbeTimeoutNanos();
            nextProbeNanos = nowNanos + zones.config().wanProbeIntervalNanos() * multiplier();
        }
        long interval = nextProbeNanos - nowNanos;
        int seq = ++sequence;
        probe = new ProbeRound(target.id(), seq, nowNanos, nowNanos + timeout * multiplier(),
                nowNanos + interval);
        List<byte[]> frames = new ArrayList<>(2);
        if (target.status() == MemberStatus.SUSPECT) {
            // tell the suspect directly, before the ping, so its refutation rides on the ack
            frames.add(WireCodec.encodeFrame(new MemberUpdate(target.id(), target.incarnation(),
                    MemberStatus.SUSPECT, membership.self().name())));
        }
        frames.add(WireCodec.encodeFrame(new Ping(seq, name)));
        transmitter.send(target.id().address(), frames, out);
    }

    /**
     * The member to probe in {@code slot}: this node's zone's (the whole table's when flat)
     * {@link ProbeSlots}; a link alternates it with its probes across zones
     * ({@link CrossZoneProbes}).
     */
    private String nextTarget(long slot) {
        String across = acrossZones.next(random);
        if (across != null) {
            return across;
        }
        MemberEntry target = slots.target(slot, table, membership.self(), zones.local());
        return target == null ? null : target.name();
    }

    private boolean probeableEntry(MemberEntry entry) {
        return entry != membership.self() && entry.status().isLive() && zones.local(entry);
    }

    private void probeIndirectly(long nowNanos, DetectorOutputs out) {
        NodeId target = probe.target();
        List<MemberEntry> relaysChosen = relays(target.name());
        PingReq request = new PingReq(probe.sequence(), target);
        for (MemberEntry relay : relaysChosen) {
            transmitter.send(relay.id().address(), request, out);
        }
        probe.goIndirect(config.lifeguard() ? relaysChosen.size() : 0);
        if (config.streamFallbackProbe()) {
            transmitter.stream(target.address(), new Ping(probe.sequence(), target.name()), out);
        }
    }

    private void judgeProbe(long nowNanos, DetectorOutputs out) {
        ProbeRound finished = probe;
        probe = null;
        if (finished == null || finished.acked()) {
            return;
        }
        if (config.lifeguard()) {
            health.apply(finished.missedNackPenalty());
        }
        MemberEntry entry = table.get(finished.target().name());
        if (entry == null || !entry.id().equals(finished.target()) || !entry.status().isLive()) {
            return;
        }
        if (config.lifeguard() && config.degradedWithholdsSuspicions() && health.score() > 0 && !finished.nacked()) {
            // Lifeguard's intent: a node that knows it is degraded does not accuse on its own;
            // healthy members probe the same target and raise the suspicion if it is real. A
            // relay's nack is evidence against the target: without it, in a partition where every
            // probe has a relay on the far side (5 nodes, 3 relays), no side ever suspects the other
            withheldSuspicions++;
            return;
        }
        membership.apply(new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.SUSPECT,
                membership.self().name()), nowNanos, out);
        if (multiplier() == 1) {
            // a healthy node's own unanswered probe anchors the pause-tolerance rule; a node
            // whose local health is degraded may be the slow one, and leaves it to Lifeguard
            suspicions.observedSilence(entry.name(), finished.startedNanos());
        }
    }

    /**
     * The runtime's stream connection to {@code to} was refused. If that is the member under
     * probe, unanswered over datagrams and with the fallback stream probe sent, nothing listens
     * where it lives: the probe is judged now and the suspicion expires after one probe
     * timeout (health-scaled) rather than Lifeguard's, so a crashed process is declared dead
     * in about a second. A silent member (a crashed host, a partition, a paused process whose
     * kernel still accepts connections) gets the full suspicion timeout as before.
     */
    public void onStreamRefused(Address to, long nowNanos, DetectorOutputs out) {
        ProbeRound refused = probe;
        if (refused == null || refused.acked() || !refused.indirect() || !refused.target().address().equals(to)) {
            return;
        }
        probe = null;
        MemberEntry entry = table.get(refused.target().name());
        if (entry == null || !entry.id().equals(refused.target()) || !entry.status().isLive()) {
            return;
        }
        membership.suspectOnEvidence(entry, "stream connection refused", config.probeTimeoutNanos() * multiplier(),
                nowNanos, out);
    }

    /**
     * How long a relay waits for the target before it nacks: three quarters of the shorter of
     * the probe timeout and what is left of the requester's probe period once it asked (its
     * interval minus its timeout), so the nack reaches the requester before it judges the
     * probe. A relay that waited a full probe timeout would nack just after the requester's
     * period ended: every probe of a silent member would then count as missed nacks against
     * the prober's local health, and slow every prober of a dead member down.
     */
    private long relayTimeoutNanos() {
        long left = config.probeIntervalNanos() - config.probeTimeoutNanos();
        return Math.min(config.probeTimeoutNanos(), left) * 3 / 4;
    }

    /**
     * The ping-req relays for a probe of {@code target}: random ALIVE members of this node's zone
     * (of the whole table when flat); for another zone's member, this zone's other links, the
     * only members that talk across zones.
     */
    private List<MemberEntry> relays(String target) {
        MemberEntry entry = table.get(target);
        if (entry == null || zones.local(entry)) {
            return sample(config.indirectChecks(), target);
        }
        List<MemberEntry> chosen = new ArrayList<>(config.indirectChecks());
        for (MemberEntry link : zones.localLinks()) {
            if (chosen.size() < config.indirectChecks() && link.status() == MemberStatus.ALIVE) {
                chosen.add(link);
            }
        }
        return chosen;
    }

    /** Up to {@code count} distinct ALIVE members other than self and {@code exclude}: ping-req relays. */
    private List<MemberEntry> sample(int count, String exclude) {
        return peers.sample(count, entry -> entry.status() == MemberStatus.ALIVE && !entry.name().equals(exclude)
                && zones.local(entry));
    }

    /** A ping: ack it over the channel it came on (saying we left, if we did). */
    public void onPing(Address from, Ping ping, boolean stream, DetectorOutputs out) {
        if (!ping.targetName().equals(membership.self().name())) {
            counters.drop(DropReason.MISDIRECTED_PING);
            return;
        }
        Ack ack = new Ack(ping.sequence());
        if (stream) {
            transmitter.stream(from, ack, out);
        } else if (membership.self().status() == MemberStatus.LEFT) {
            // whoever still probes us missed the leave: say so with the ack
            MemberEntry self = membership.self();
            transmitter.send(from, List.of(WireCodec.encodeFrame(ack), WireCodec.encodeFrame(
                    new MemberUpdate(self.id(), self.incarnation(), MemberStatus.LEFT, self.name()))), out);
        } else {
            transmitter.send(from, ack, out);
        }
    }

    /** Suspicions that must not ripen for now (a proof of life under way, answered so far). */
    public void holdSuspicionsWhile(java.util.function.Predicate<String> holding) {
        this.held = holding;
    }

    /** Suspicions this node did not raise after a failed probe because its own health was degraded. */
    public long withheldSuspicions() {
        return withheldSuspicions;
    }

    /** A fresh ping sequence number, from the one counter every probe of this node uses. */
    public int nextSequence() {
        return ++sequence;
    }

    /** An ack: completes our probe, a reachability ping, or a relayed probe (forwarded to its requester). */
    public void onAck(Ack ack, boolean stream, long nowNanos, DetectorOutputs out) {
        if (probe != null && ack.sequence() == probe.sequence()) {
            if (!probe.acked() && !probe.indirect()) {
                roundTrips.record(nowNanos - probe.startedNanos());
                if (config.lifeguard()) {
                    health.apply(-1);
                }
            }
            noteChannel(probe.target().name(), stream);
            probe.ack();
            return;
        }
        if (reachability.acked(ack.sequence(), nowNanos)) {
            return;
        }
        Relays.Relay relay = relays.complete(ack.sequence());
        if (relay != null) {
            transmitter.send(relay.requester(), new Ack(relay.requesterSequence()), out);
            return;
        }
        counters.drop(DropReason.UNEXPECTED_ACK);
    }

    /** A relay's nack (Lifeguard): the relay is fine, the target stayed silent. */
    public void onNack(Nack nack) {
        if (probe != null && nack.sequence() == probe.sequence() && probe.indirect()) {
            probe.nack();
        } else {
            counters.drop(DropReason.UNEXPECTED_ACK);
        }
    }

    /** A ping-req: probe the target on the requester's behalf, bounded by maxPendingRelays. */
    public void onPingReq(Address from, PingReq request, long nowNanos, DetectorOutputs out) {
        int seq = ++sequence;
        Relays.Relay relay = new Relays.Relay(from, request.sequence(), nowNanos + relayTimeoutNanos());
        if (!relays.add(seq, relay)) {
            counters.drop(DropReason.RELAYS_FULL);
            return;
        }
        transmitter.send(request.target().address(), new Ping(seq, request.target().name()), out);
    }

    /**
     * Remembers members whose probes are answered over the stream but not over datagrams:
     * reachable over TCP but not UDP, a classic cause of flapping, reported instead of flapped.
     */
    private void noteChannel(String member, boolean stream) {
        if (stream) {
            if (streamOnly.size() < config.streamOnlyMembersRemembered()) {
                streamOnly.add(member);
            }
        } else {
            streamOnly.remove(member);
        }
    }

    /**
     * Starts a reachability check (Serf's {@code reachability}): every live member other than
     * self gets a ping over datagrams and one over a stream, outside the probe cycle (no
     * suspicion follows a missing answer). Replaces the previous check; read the answers with
     * {@link #reachability()}.
     */
    public void checkReachability(long nowNanos, DetectorOutputs out) {
        reachability = new ReachabilityCheck();
        for (MemberEntry entry : table.entries()) {
            if (entry == membership.self() || !entry.status().isLive()) {
                continue;
            }
            Address address = entry.id().address();
            int datagram = ++sequence;
            reachability.sent(datagram, entry.name(), address, false, nowNanos);
            transmitter.send(address, new Ping(datagram, entry.name()), out);
            int stream = ++sequence;
            reachability.sent(stream, entry.name(), address, true, nowNanos);
            transmitter.stream(address, new Ping(stream, entry.name()), out);
        }
    }

    /** The answers to the last reachability check so far, in probe order. */
    public List<Reachability> reachability() {
        return reachability.results();
    }

    /** Members last answering probes only over the stream. */
    public List<String> streamOnlyMembers() {
        return List.copyOf(streamOnly);
    }

    /** Round trips of the last direct probes. */
    public RoundTripTimes roundTrips() {
        return roundTrips;
    }

    /** Lifeguard's local health score (0 is healthy). */
    public int healthScore() {
        return health.score();
    }
}
