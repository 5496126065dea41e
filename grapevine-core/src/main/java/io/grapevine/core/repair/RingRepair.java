package io.grapevine.core.repair;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.ring.RingWalk;
import io.grapevine.core.wire.DropReason;
import io.grapevine.core.wire.RingRepairToken;
import io.grapevine.core.wire.TrafficCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * InfluxDB's closed-loop anti-entropy over the network: every {@code ringRepairIntervalNanos}
 * this node starts a round for one random range it replicates; a token walks the range's
 * replicas in ring order ({@link RingWalk}); its holder opens a Merkle repair with its
 * successor and, {@code ringRepairHopNanos} later, passes the token on with its root hash. The
 * receiver checks the hand-over: when its root differs from the one its predecessor reported
 * (a repair cut short), it repairs with the predecessor again and holds the token one more
 * hop period before going on (once per hop). The last holder checks every replica reported
 * the same root and reports the round. A successor found down is left out and the walk
 * restarts from the holder over the rest. Confined to the
 * node's thread; pending hand-overs are bounded by {@code maxPendingOps}.
 *
 * <p><b>Entries per hop.</b> The token carries, for each hop, the entries of the range that won
 * at either end of that hop's pair repair, counted where they won, since only the receiving
 * side knows whether an entry won (the sender's leaf lists include entries the other already
 * holds, and each side sends at some level): the holder counts those it applied from its
 * successor between opening the repair and passing the token on (its {@link RepairTally} total
 * for the pair, before and after); the successor counts those it applied from the holder since
 * the holder's opening root reached it, up to taking the token (after a retried hand-over, up to
 * the retry's end), and adds them to the hop. Every entry a replica lacked is so counted once,
 * in the hop that brought it, and the hops of a round sum to the entries its replicas lacked of
 * one another. A repair of the same range between the same two replicas that overlaps the hop
 * (a periodic one, a retry) moves entries the hop would have, and counts with it.
 */
final class RingRepair {
    private final KeyspaceConfig config;
    private final String self;
    private final Keyspace keyspace;
    private final Placement placement;
    private final MerkleAntiEntropy antiEntropy;
    private final RepairTally tally;
    private final Transmitter transmitter;
    private final RandomSource random;
    private final TrafficCounters counters;
    private final List<HandOver> handOvers = new ArrayList<>();
    /** Tokens held back one hop period for a retried hand-over. */
    private final List<HandOver> retries = new ArrayList<>();
    private long nextRoundNanos = Long.MAX_VALUE;
    private long rounds;
    private long completed;
    private long verified;
    private long entriesRepaired;

    /** A token due to go on to {@code to}; {@code baseline}: the pair's tally when the hop's repair opened. */
    private record HandOver(long dueNanos, Address to, RingRepairToken token, long baseline) {
    }

    RingRepair(KeyspaceConfig config, String self, Keyspace keyspace, Placement placement,
               MerkleAntiEntropy antiEntropy, RepairTally tally, Transmitter transmitter, RandomSource random,
               TrafficCounters counters) {
        this.config = config;
        this.self = self;
        this.keyspace = keyspace;
        this.placement = placement;
        this.antiEntropy = antiEntropy;
        this.tally = tally;
        this.transmitter = transmitter;
        this.random = random;
        this.counters = counters;
    }

    /** Schedules the first round, a random fraction of an interval away (none when off). */
    void start(long nowNanos) {
        if (config.ringRepairIntervalNanos() > 0) {
            nextRoundNanos = nowNanos + random.nextLong(config.ringRepairIntervalNanos());
        }
    }

    void onTick(long nowNanos, KeyspaceOutputs out) {
        if (nextRoundNanos <= nowNanos) {
            nextRoundNanos = nowNanos + config.ringRepairIntervalNanos();
            startRound(nowNanos, out);
        }
        List<HandOver> retried = new ArrayList<>();
        retries.removeIf(h -> h.dueNanos <= nowNanos && retried.add(h));
        for (HandOver h : retried) {
            hold(credited(h.token), nowNanos, out);
        }
        List<HandOver> due = new ArrayList<>();
        handOvers.removeIf(h -> h.dueNanos <= nowNanos && due.add(h));
        for (HandOver h : due) {
            transmitter.stream(h.to, passedOn(h), out);
        }
    }

    /** The token as the holder passes it on: its root appended, and the hop's entries that won here. */
    private RingRepairToken passedOn(HandOver h) {
        RingRepairToken token = h.token;
        List<Long> roots = new ArrayList<>(token.roots());
        roots.add(keyspace.tree(token.partition()).root());
        String successor = new RingWalk(token.walk()).to(token.step());
        List<Long> hops = new ArrayList<>(token.entriesPerHop());
        hops.add(Math.max(0, tally.total(token.partition(), successor) - h.baseline));
        return new RingRepairToken(token.partition(), token.round(), token.origin(), token.step() + 1, token.walk(),
                roots, hops, token.skipped());
    }

    /** A received token with the entries that won here from its last holder added to its last hop. */
    private RingRepairToken credited(RingRepairToken token) {
        if (token.step() == 0) {
            return token;
        }
        String predecessor = new RingWalk(token.walk()).from(token.step() - 1);
        List<Long> hops = new ArrayList<>(token.entriesPerHop());
        int last = hops.size() - 1;
        hops.set(last, hops.get(last) + tally.takeSinceOpened(token.partition(), predecessor));
        return new RingRepairToken(token.partition(), token.round(), token.origin(), token.step(), token.walk(),
                token.roots(), hops, token.skipped());
    }

    long nextDeadlineNanos() {
        long next = nextRoundNanos;
        for (HandOver h : handOvers) {
            next = Math.min(next, h.dueNanos);
        }
        for (HandOver h : retries) {
            next = Math.min(next, h.dueNanos);
        }
        return next;
    }

    /** Starts a round for a random range this node replicates with at least one other live replica. */
    void startRound(long nowNanos, KeyspaceOutputs out) {
        HashRing ring = placement.ring();
        List<Integer> mine = new ArrayList<>();
        for (int p : ring.partitionsOf(self)) {
            if (ring.replicas(p).size() > 1) {
                mine.add(p);
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        int partition = mine.get(random.nextInt(mine.size()));
        List<String> replicas = ring.replicas(partition);
        RingWalk walk = RingWalk.from(replicas, replicas.indexOf(self));
        rounds++;
        hold(new RingRepairToken(partition, rounds, self, 0, walk.replicas(), List.of(), List.of(), List.of()),
                nowNanos, out);
    }

    /** A token handed over by the previous replica of the walk. */
    void onToken(RingRepairToken token, long nowNanos, KeyspaceOutputs out) {
        RingWalk walk = new RingWalk(token.walk());
        if (token.partition() >= config.partitions() || token.step() > walk.steps()
                || !walk.from(token.step()).equals(self) || token.entriesPerHop().size() < token.step()
                || handOvers.size() >= config.maxPendingOps()) {
            counters.drop(DropReason.MALFORMED_RING_REPAIR);
            return;
        }
        long reported = token.roots().isEmpty() ? 0 : token.roots().get(token.roots().size() - 1);
        boolean cutShort = token.step() > 0 && !token.roots().isEmpty()
                && reported != keyspace.tree(token.partition()).root();
        if (cutShort && retries.size() < config.maxPendingOps()) {
            // the hand-over differs: repair with the predecessor again, then go on one hop period later (held
            // tokens skip this check: once per hop); the predecessor's reported root stays, so a verification
            // that still counts it stays honest
            antiEntropy.open(walk.from(token.step() - 1), List.of(token.partition()), out);
            retries.add(new HandOver(nowNanos + config.ringRepairHopNanos(), null, token, 0));
            return;
        }
        hold(credited(token), nowNanos, out);
    }

    private void hold(RingRepairToken token, long nowNanos, KeyspaceOutputs out) {
        RingWalk walk = new RingWalk(token.walk());
        if (token.step() >= walk.steps()) {
            finish(token, walk, out);
            return;
        }
        String successor = walk.to(token.step());
        Optional<Address> address = placement.address(successor);
        if (address.isEmpty()) {
            // the successor is down: walk the others, from here
            List<String> rest = new ArrayList<>(walk.replicas());
            rest.remove(successor);
            List<String> skipped = new ArrayList<>(token.skipped());
            skipped.add(successor);
            RingWalk shorter = RingWalk.from(rest, rest.indexOf(self));
            hold(new RingRepairToken(token.partition(), token.round(), token.origin(), 0, shorter.replicas(),
                    List.of(), token.entriesPerHop(), skipped), nowNanos, out);
            return;
        }
        long baseline = tally.total(token.partition(), successor);
        antiEntropy.open(successor, List.of(token.partition()), out);
        handOvers.add(new HandOver(nowNanos + config.ringRepairHopNanos(), address.get(), token, baseline));
    }

    private void finish(RingRepairToken token, RingWalk walk, KeyspaceOutputs out) {
        long mine = keyspace.tree(token.partition()).root();
        int others = walk.replicas().size() - 1;
        List<Long> roots = token.roots();
        boolean same = roots.size() >= others;
        for (int i = roots.size() - others; same && i < roots.size(); i++) {
            same = roots.get(i) == mine;
        }
        completed++;
        if (same) {
            verified++;
        }
        RingRepairReport report = new RingRepairReport(token.partition(), token.round(), token.origin(),
                walk.steps(), walk.replicas(), token.skipped(), token.entriesPerHop(), same);
        entriesRepaired += report.entriesRepaired();
        out.ringRepairCompleted(report);
    }

    /** The rounds started here, ended here, ended here verified, and the entries the ended ones moved. */
    RingRepairCounts counts() {
        return new RingRepairCounts(rounds, completed, verified, entriesRepaired);
    }
}
