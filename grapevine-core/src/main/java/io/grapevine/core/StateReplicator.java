package io.grapevine.core;

import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.state.ApplyResult;
import io.grapevine.core.state.Delta;
import io.grapevine.core.state.DeltaPart;
import io.grapevine.core.state.Digest;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.state.KeyPriority;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StateAck2;
import io.grapevine.core.wire.StateSyn;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spreads replicated key/value state all three ways: direct mail of each local write, rumors
 * piggy-backed on protocol messages, and periodic anti-entropy with a random peer in push,
 * pull or push-pull style. Anti-entropy alone guarantees convergence; the other two make it fast.
 */
final class StateReplicator {
    /** Room left in a datagram for a delta after the packet header and frame overhead. */
    private static final int DATAGRAM_OVERHEAD_BYTES = 600;
    private static final List<DeltaPart> NONE = List.of();

    private final CoreConfig config;
    private final ReplicatedState state;
    private final MemberTable table;
    private final MemberEntry self;
    private final Transmitter transmitter;
    private final RumorQueue rumors;
    private final RandomSource random;
    private final PeerRecency recency = new PeerRecency(1024);
    private long nextAntiEntropyNanos;
    private long nextGcNanos;

    StateReplicator(CoreConfig config, ReplicatedState state, MemberTable table, MemberEntry self,
                    Transmitter transmitter, RumorQueue rumors, RandomSource random, long nowNanos) {
        this.config = config;
        this.state = state;
        this.table = table;
        this.self = self;
        this.transmitter = transmitter;
        this.rumors = rumors;
        this.random = random;
        this.nextAntiEntropyNanos = config.antiEntropyIntervalNanos() == 0 ? Long.MAX_VALUE
                : nowNanos + random.nextLong(config.antiEntropyIntervalNanos());
        this.nextGcNanos = nowNanos + gcIntervalNanos();
    }

    private long gcIntervalNanos() {
        return Math.max(1, config.state().tombstoneGraceNanos() / 8);
    }

    private int datagramBudget() {
        return Math.max(64, config.mtuBytes() - DATAGRAM_OVERHEAD_BYTES);
    }

    long nextDeadlineNanos() {
        return Math.min(Math.min(nextAntiEntropyNanos, nextGcNanos), state.nextExpiryNanos());
    }

    KeyChange put(String key, byte[] value, KeyPriority priority, long ttlNanos, long nowNanos, Outputs out) {
        KeyChange change = state.put(key, value, priority, ttlNanos, nowNanos);
        published(change, priority, out);
        return change;
    }

    Optional<KeyChange> delete(String key, long nowNanos, Outputs out) {
        Optional<KeyChange> change = state.delete(key, nowNanos);
        change.ifPresent(c -> published(c, priorityOf(c), out));
        return change;
    }

    private KeyPriority priorityOf(KeyChange change) {
        return state.priorityOf(self.name(), change.key());
    }

    /** A local write happened: tell the application, mail it, and start the rumor. */
    private void published(KeyChange change, KeyPriority priority, Outputs out) {
        out.emit(new ClusterEvent.KeyChanged(change));
        DeltaPart part = state.partFor(self.name(), change.key(), priority);
        if (config.directMailFanout() > 0) {
            StateAck2 mail = new StateAck2(new Delta(List.of(part), false));
            for (MemberEntry peer : livePeers(config.directMailFanout())) {
                transmitter.send(peer.id().address(), mail, out);
            }
        }
        spreadRumor(part);
    }

    private void spreadRumor(DeltaPart part) {
        if (config.stateRumors() && part.entries().size() == 1) {
            String key = "s:" + part.owner().name() + ":" + part.entries().get(0).key();
            rumors.offer(key, RumorPriority.USER, WireCodec.encodeFrame(new StateAck2(new Delta(List.of(part), false))));
        }
    }

    void onTick(long nowNanos, Outputs out) {
        for (KeyChange expired : state.expire(nowNanos)) {
            published(expired, state.priorityOf(self.name(), expired.key()), out);
        }
        if (nextGcNanos <= nowNanos) {
            nextGcNanos = nowNanos + gcIntervalNanos();
            state.collectGarbage(nowNanos);
        }
        if (nextAntiEntropyNanos <= nowNanos) {
            nextAntiEntropyNanos = nowNanos + config.antiEntropyIntervalNanos();
            MemberEntry peer = leastRecentPeer();
            if (peer != null) {
                recency.touch(peer.name(), nowNanos);
                startExchange(peer.id().address(), out);
            }
        }
    }

    private void startExchange(Address peer, Outputs out) {
        switch (config.stateSyncMode()) {
            case PUSH -> push(peer, out);
            case PULL -> transmitter.send(peer, new StateSyn(state.digest(), false), out);
            // 8 bytes instead of the digest: in sync (the idle case), the peer need not answer
            case PUSH_PULL -> transmitter.send(peer, StateSyn.ofSummary(state.digest().summary()), out);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * One-message push: with no digest from the peer, the whole state is what it may lack.
     * It goes in a datagram if it fits, else over a stream (push's classic cost).
     */
    private void push(Address peer, Outputs out) {
        Digest nothing = new Digest(List.of());
        Delta delta = state.delta(nothing, datagramBudget(), config.deltaPolicy(), random);
        if (delta.parts().isEmpty()) {
            return;
        }
        boolean whole = delta.parts().stream().allMatch(DeltaPart::complete);
        if (whole) {
            transmitter.send(peer, new StateAck2(delta), out);
        } else {
            transmitter.stream(peer, new StateAck2(bulkDelta(nothing)), out);
        }
    }

    void onSyn(Address from, StateSyn syn, Outputs out) {
        if (syn.summaryOnly()) {
            Digest mine = state.digest();
            if (mine.summary() != syn.summary()) {
                // out of sync: a full push-pull exchange, opened from this side
                transmitter.send(from, new StateSyn(mine, true), out);
            }
            return;
        }
        Digest mine = syn.pushPull() ? state.digest() : new Digest(List.of());
        Delta delta = state.delta(syn.digest(), datagramBudget(), config.deltaPolicy(), random);
        if (needsBulk(delta, syn.digest())) {
            transmitter.stream(from, new StateAck(bulkDelta(syn.digest()), mine), out);
        } else {
            transmitter.send(from, new StateAck(delta, mine), out);
        }
    }

    void onAck(Address from, StateAck ack, long nowNanos, Outputs out) {
        apply(ack.delta(), nowNanos, out);
        if (!ack.digest().entries().isEmpty()) {
            Delta delta = state.delta(ack.digest(), datagramBudget(), config.deltaPolicy(), random);
            if (needsBulk(delta, ack.digest())) {
                transmitter.stream(from, new StateAck2(bulkDelta(ack.digest())), out);
            } else if (!delta.parts().isEmpty()) {
                transmitter.send(from, new StateAck2(delta), out);
            }
        }
    }

    void onAck2(StateAck2 ack2, long nowNanos, Outputs out) {
        apply(ack2.delta(), nowNanos, out);
    }

    /** A peer far behind (or owed a reset) catches up through one stream exchange. */
    private boolean needsBulk(Delta datagramDelta, Digest peer) {
        if (datagramDelta.resetDeferred()) {
            return true;
        }
        int sent = datagramDelta.entryCount();
        return sent > 0 && state.missingEntries(peer) > 4L * sent;
    }

    private Delta bulkDelta(Digest peer) {
        return state.delta(peer, config.maxStreamBytes() / 2, config.deltaPolicy(), random);
    }

    private void apply(Delta delta, long nowNanos, Outputs out) {
        if (delta.parts().isEmpty()) {
            return;
        }
        ApplyResult result = state.apply(delta, nowNanos);
        for (KeyChange change : result.changes()) {
            out.emit(new ClusterEvent.KeyChanged(change));
        }
        // rumor mongering: a node that learns a hot single-entry update passes it on
        if (delta.parts().size() == 1 && !result.changes().isEmpty()) {
            spreadRumor(delta.parts().get(0));
        }
    }

    private List<MemberEntry> livePeers(int count) {
        return table.sampleLive(count, self, "", random);
    }

    /** Of three random live peers, the one reconciled with least recently (or never). */
    private MemberEntry leastRecentPeer() {
        MemberEntry best = null;
        long bestTime = Long.MAX_VALUE;
        for (MemberEntry candidate : livePeers(3)) {
            long last = recency.last(candidate.name());
            if (best == null || last < bestTime) {
                best = candidate;
                bestTime = last;
            }
        }
        return best;
    }

    void forget(String owner) {
        state.forget(owner);
        recency.forget(owner);
    }
}
