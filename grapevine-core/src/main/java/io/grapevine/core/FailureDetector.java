package io.grapevine.core;

import io.grapevine.core.detector.LocalHealth;
import io.grapevine.core.detector.ProbeRound;
import io.grapevine.core.detector.ProbeSchedule;
import io.grapevine.core.detector.Relays;
import io.grapevine.core.detector.RoundTripTimes;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberStatus;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.wire.Ack;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.Nack;
import io.grapevine.core.wire.Ping;
import io.grapevine.core.wire.PingReq;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * SWIM's probe cycle with Lifeguard: one probe per (health-scaled) protocol period, a direct
 * ping, then ping-req through {@code k} relays and a stream probe, then suspicion. Also
 * answers pings and relays ping-reqs for others (with Lifeguard's nack).
 */
final class FailureDetector {
    private final CoreConfig config;
    private final MemberTable table;
    private final Membership membership;
    private final Transmitter transmitter;
    private final LocalHealth health;
    private final RandomSource random;
    private final Counters counters;
    private final ProbeSchedule schedule = new ProbeSchedule();
    private final Relays relays;
    private final RoundTripTimes roundTrips = new RoundTripTimes(128);
    private final Set<String> streamOnly = new LinkedHashSet<>();
    private ProbeRound probe;
    private long nextProbeNanos;
    private int sequence;

    FailureDetector(CoreConfig config, MemberTable table, Membership membership, Transmitter transmitter,
                    LocalHealth health, RandomSource random, Counters counters, long nowNanos) {
        this.config = config;
        this.table = table;
        this.membership = membership;
        this.transmitter = transmitter;
        this.health = health;
        this.random = random;
        this.counters = counters;
        this.relays = new Relays(config.maxPendingRelays());
        // stagger the first probe so that nodes started together do not probe in lockstep
        this.nextProbeNanos = nowNanos + random.nextLong(config.probeIntervalNanos());
    }

    /** A member became known: probe it this round. */
    void memberAdded(String name) {
        schedule.insert(name, random);
    }

    long nextDeadlineNanos() {
        long next = Math.min(nextProbeNanos, relays.nextDeadlineNanos());
        return probe == null ? next : Math.min(next, probe.nextDeadlineNanos());
    }

    void onTick(long nowNanos, Outputs out) {
        for (Relays.Relay relay : relays.expire(nowNanos)) {
            transmitter.send(relay.requester(), new Nack(relay.requesterSequence()), out);
        }
        if (probe != null && !probe.acked() && !probe.indirect() && probe.ackDeadlineNanos() <= nowNanos) {
            probeIndirectly(nowNanos, out);
        }
        if (nextProbeNanos <= nowNanos) {
            judgeProbe(nowNanos, out);
            startProbe(nowNanos, out);
        }
    }

    /** This node was stalled for {@code gapNanos}: its probe in flight proves nothing. */
    void stalled() {
        if (probe != null && !probe.acked()) {
            probe = null;
            health.apply(1);
        }
    }

    private int multiplier() {
        return config.lifeguard() ? health.multiplier() : 1;
    }

    private void startProbe(long nowNanos, Outputs out) {
        long interval = config.probeIntervalNanos() * multiplier();
        nextProbeNanos = nowNanos + interval;
        if (membership.self().status() == MemberStatus.LEFT) {
            return;
        }
        String name = schedule.next(this::probeable, this::candidates, random);
        if (name == null) {
            return;
        }
        MemberEntry target = table.get(name);
        int seq = ++sequence;
        probe = new ProbeRound(target.id(), seq, nowNanos, nowNanos + config.probeTimeoutNanos() * multiplier(),
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

    private boolean probeable(String name) {
        MemberEntry entry = table.get(name);
        return entry != null && entry != membership.self() && entry.status().isLive();
    }

    private List<String> candidates() {
        List<String> names = new ArrayList<>(table.size());
        for (MemberEntry entry : table.entries()) {
            if (entry != membership.self() && entry.status().isLive()) {
                names.add(entry.name());
            }
        }
        return names;
    }

    private void probeIndirectly(long nowNanos, Outputs out) {
        NodeId target = probe.target();
        List<MemberEntry> relaysChosen = sample(config.indirectChecks(), target.name());
        PingReq request = new PingReq(probe.sequence(), target);
        for (MemberEntry relay : relaysChosen) {
            transmitter.send(relay.id().address(), request, out);
        }
        probe.goIndirect(config.lifeguard() ? relaysChosen.size() : 0);
        if (config.streamFallbackProbe()) {
            transmitter.stream(target.address(), new Ping(probe.sequence(), target.name()), out);
        }
    }

    private void judgeProbe(long nowNanos, Outputs out) {
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
        membership.apply(new MemberUpdate(entry.id(), entry.incarnation(), MemberStatus.SUSPECT,
                membership.self().name()), nowNanos, out);
    }

    /**
     * The runtime's stream connection to {@code to} was refused. If that is the member under
     * probe, unanswered over datagrams and with the fallback stream probe sent, nothing listens
     * where it lives: the probe is judged now and the suspicion expires after one probe
     * timeout (health-scaled) rather than Lifeguard's, so a crashed process is declared dead
     * in about a second. A silent member (a crashed host, a partition, a paused process whose
     * kernel still accepts connections) gets the full suspicion timeout as before.
     */
    void onStreamRefused(Address to, long nowNanos, Outputs out) {
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

    /** Up to {@code count} distinct random ALIVE members other than self and {@code exclude}. */
    List<MemberEntry> sample(int count, String exclude) {
        List<MemberEntry> chosen = new ArrayList<>(count);
        int attempts = 3 * count + 8;
        for (int i = 0; i < attempts && chosen.size() < count && table.size() > 1; i++) {
            MemberEntry candidate = table.random(random);
            if (candidate != membership.self() && candidate.status() == MemberStatus.ALIVE
                    && !candidate.name().equals(exclude) && !chosen.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    void onPing(Address from, Ping ping, boolean stream, Outputs out) {
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

    void onAck(Ack ack, boolean stream, long nowNanos, Outputs out) {
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
        Relays.Relay relay = relays.complete(ack.sequence());
        if (relay != null) {
            transmitter.send(relay.requester(), new Ack(relay.requesterSequence()), out);
            return;
        }
        counters.drop(DropReason.UNEXPECTED_ACK);
    }

    void onNack(Nack nack) {
        if (probe != null && nack.sequence() == probe.sequence() && probe.indirect()) {
            probe.nack();
        } else {
            counters.drop(DropReason.UNEXPECTED_ACK);
        }
    }

    void onPingReq(Address from, PingReq request, long nowNanos, Outputs out) {
        int seq = ++sequence;
        Relays.Relay relay = new Relays.Relay(from, request.sequence(), nowNanos + config.probeTimeoutNanos());
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
            if (streamOnly.size() < 1024) {
                streamOnly.add(member);
            }
        } else {
            streamOnly.remove(member);
        }
    }

    /** Members last answering probes only over the stream. */
    List<String> streamOnlyMembers() {
        return List.copyOf(streamOnly);
    }

    RoundTripTimes roundTrips() {
        return roundTrips;
    }

    int healthScore() {
        return health.score();
    }
}
