package io.grapevine.core.sync;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.RandomSource;
import io.grapevine.core.dissemination.DirectMail;
import io.grapevine.core.dissemination.FlowControl;
import io.grapevine.core.dissemination.RumorPolicy;
import io.grapevine.core.dissemination.RumorPriority;
import io.grapevine.core.dissemination.RumorQueue;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MembershipObserver;
import io.grapevine.core.membership.PeerSampler;
import io.grapevine.core.state.ApplyResult;
import io.grapevine.core.state.KeyChange;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.state.StateOutputs;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StateDigest;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.WireCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spreads replicated key/value state all three ways: direct mail of each local write, rumors
 * piggy-backed on protocol messages, and periodic anti-entropy with a random peer in push,
 * pull or push-pull style. Anti-entropy alone guarantees convergence; the other two make it fast.
 * As a {@link MembershipObserver} it forgets the state of an owner whose tombstone was reaped.
 * Confined to the node's thread.
 */
public final class StateReplicator implements MembershipObserver {
    /** Room left in a datagram for a delta after the packet header and frame overhead. */
    private static final int DATAGRAM_OVERHEAD_BYTES = 600;
    private static final List<DeltaPart> NONE = List.of();

    private final SyncConfig config;
    private final RumorPolicy rumorPolicy;
    private final int mtuBytes;
    private final int maxStreamBytes;
    private final ReplicatedState state;
    private final MemberEntry self;
    private final Transmitter transmitter;
    private final DirectMail mail;
    private final PeerSampler peers;
    private final RumorQueue rumors;
    private final RandomSource random;
    private final PeerRecency recency;
    private final FlowControl flow;
    /** Own keys whose write waits for the flow rate, in the order of their latest write (so in version order). */
    private final LinkedHashMap<String, KeyPriority> deferred = new LinkedHashMap<>();
    private long nextReleaseNanos = Long.MAX_VALUE;
    private long nextAntiEntropyNanos;
    private long nextGcNanos;

    /**
     * A replicator of {@code state}, owned by {@code self}. It starts no anti-entropy
     * exchange until {@link #start}.
     *
     * @param mtuBytes the datagram limit, which bounds a delta sent in a datagram
     * @param maxStreamBytes the stream limit, which bounds a bulk delta
     */
    public StateReplicator(SyncConfig config, int mtuBytes, int maxStreamBytes, ReplicatedState state,
                           MemberEntry self, Transmitter transmitter, DirectMail mail, PeerSampler peers,
                           RumorQueue rumors, RumorPolicy rumorPolicy, FlowControl flow, RandomSource random,
                           long nowNanos) {
        this.config = config;
        this.rumorPolicy = rumorPolicy;
        this.flow = flow;
        this.mtuBytes = mtuBytes;
        this.maxStreamBytes = maxStreamBytes;
        this.state = state;
        this.self = self;
        this.transmitter = transmitter;
        this.mail = mail;
        this.peers = peers;
        this.rumors = rumors;
        this.random = random;
        this.recency = new PeerRecency(config.peerRecencyCapacity());
        this.nextAntiEntropyNanos = Long.MAX_VALUE;
        this.nextGcNanos = nowNanos + gcIntervalNanos();
    }

    /**
     * Schedules the first anti-entropy exchange, staggered by a random fraction of an interval
     * so that nodes started together do not reconcile in lockstep. Separate from construction
     * because the node draws its rooms' start offsets in a fixed order (probe, gossip,
     * push-pull, anti-entropy), and the replicator must exist before the membership rules.
     */
    public void start(long nowNanos) {
        nextAntiEntropyNanos = config.antiEntropyIntervalNanos() == 0 ? Long.MAX_VALUE
                : nowNanos + random.nextLong(config.antiEntropyIntervalNanos());
    }

    private long gcIntervalNanos() {
        return Math.max(1, state.config().tombstoneGraceNanos() / 8);
    }

    private int datagramBudget() {
        return Math.max(64, mtuBytes - DATAGRAM_OVERHEAD_BYTES);
    }

    /** When the next anti-entropy exchange, tombstone collection or TTL expiry is due. */
    public long nextDeadlineNanos() {
        return Math.min(Math.min(Math.min(nextAntiEntropyNanos, nextGcNanos), state.nextExpiryNanos()),
                deferred.isEmpty() ? Long.MAX_VALUE : nextReleaseNanos);
    }

    /** Writes this node's {@code key} and publishes it (event, direct mail, rumor); see {@code Node.put}. */
    public KeyChange put(String key, byte[] value, KeyPriority priority, long ttlNanos, long nowNanos, SyncOutputs out) {
        KeyChange change = state.put(key, value, priority, ttlNanos, nowNanos);
        published(change, priority, nowNanos, out);
        return change;
    }

    /** Deletes this node's {@code key} and publishes the tombstone; empty if it held no live value. */
    public Optional<KeyChange> delete(String key, long nowNanos, SyncOutputs out) {
        Optional<KeyChange> change = state.delete(key, nowNanos);
        change.ifPresent(c -> published(c, priorityOf(c), nowNanos, out));
        return change;
    }

    private KeyPriority priorityOf(KeyChange change) {
        return state.priorityOf(self.name(), change.key());
    }

    /**
     * A local write happened: tell the application, mail it (unless it is {@link
     * KeyPriority#BULK}, which may lag: a chatty key mailed to every member on every change
     * costs N x N datagrams per round of changes), and start the rumor.
     */
    private void published(KeyChange change, KeyPriority priority, long nowNanos, SyncOutputs out) {
        out.keyChanged(change);
        // once one write waits, later ones wait behind it: a part applies only on top of the versions before it
        boolean waiting = flow.enabled() && (deferred.remove(change.key()) != null || !deferred.isEmpty());
        if (!waiting) {
            DeltaPart part = state.partFor(self.name(), change.key(), priority);
            byte[] frame = frameOf(part);
            if (!flow.enabled() || flow.admit(costOf(frame, priority), nowNanos)) {
                disseminate(part, frame, priority, nowNanos, out);
                return;
            }
        }
        deferred.put(change.key(), priority);
        scheduleRelease(nowNanos);
    }

    /** Mails (unless BULK) and rumors one own key's part, encoded once as {@code frame}. */
    private void disseminate(DeltaPart part, byte[] frame, KeyPriority priority, long nowNanos, SyncOutputs out) {
        String key = rumorKey(part.owner().name(), part.entries().get(0).key());
        if (priority != KeyPriority.BULK) {
            mail.mailFrame(frame, RumorPriority.USER, key, "", nowNanos, out);
        }
        if (config.stateRumors()) {
            rumors.offer(key, RumorPriority.USER, frame, rumorPolicy);
        }
    }

    private static byte[] frameOf(DeltaPart part) {
        return WireCodec.encodeFrame(new StatePush(new Delta(List.of(part), false)));
    }

    /** About what disseminating an own key costs this node: its frame, mailed and rumored. */
    private long costOf(byte[] frame, KeyPriority priority) {
        int copies = (priority == KeyPriority.BULK ? 0 : mail.expectedRecipients())
                + (config.stateRumors() ? transmitter.transmitLimit() : 0);
        return (long) frame.length * Math.max(1, copies);
    }

    private void scheduleRelease(long nowNanos) {
        Map.Entry<String, KeyPriority> first = deferred.entrySet().iterator().next();
        byte[] frame = frameOf(state.partFor(self.name(), first.getKey(), first.getValue()));
        nextReleaseNanos = flow.admissibleAtNanos(costOf(frame, first.getValue()), nowNanos);
    }

    /** Sends the waiting own keys, oldest write first, as far as the flow rate allows. */
    private void releaseDeferred(long nowNanos, SyncOutputs out) {
        var it = deferred.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, KeyPriority> next = it.next();
            if (!state.holds(self.name(), next.getKey(), next.getValue())) {
                it.remove();
                continue;
            }
            DeltaPart part = state.partFor(self.name(), next.getKey(), next.getValue());
            byte[] frame = frameOf(part);
            if (!flow.admit(costOf(frame, next.getValue()), nowNanos)) {
                scheduleRelease(nowNanos);
                return;
            }
            it.remove();
            disseminate(part, frame, next.getValue(), nowNanos, out);
        }
        nextReleaseNanos = Long.MAX_VALUE;
    }

    /** Own keys whose dissemination waits for the flow rate now. */
    public int deferredKeys() {
        return deferred.size();
    }

    /** The rumor key, and the mail supersede key, of one owner's key. */
    public static String rumorKey(String owner, String key) {
        return "s:" + owner + ":" + key;
    }

    private void spreadRumor(DeltaPart part, String key) {
        if (config.stateRumors() && part.entries().size() == 1) {
            rumors.offer(key, RumorPriority.USER, frameOf(part), rumorPolicy);
        }
    }

    /** Expires TTL keys, collects tombstones and starts a due anti-entropy exchange. */
    public void onTick(long nowNanos, SyncOutputs out) {
        for (KeyChange expired : state.expire(nowNanos)) {
            published(expired, state.priorityOf(self.name(), expired.key()), nowNanos, out);
        }
        if (!deferred.isEmpty() && nextReleaseNanos <= nowNanos) {
            releaseDeferred(nowNanos, out);
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

    private void startExchange(Address peer, SyncOutputs out) {
        switch (config.stateSyncMode()) {
            case PUSH -> push(peer, out);
            case PULL -> transmitter.send(peer, new StateDigest(state.digest(), false), out);
            // 8 bytes instead of the digest: in sync (the idle case), the peer need not answer
            case PUSH_PULL -> transmitter.send(peer, StateDigest.ofSummary(state.digest().summary()), out);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * One-message push: with no digest from the peer, the whole state is what it may lack.
     * It goes in a datagram if it fits, else over a stream (push's classic cost).
     */
    private void push(Address peer, SyncOutputs out) {
        Digest nothing = new Digest(List.of());
        Delta delta = state.delta(nothing, datagramBudget(), config.deltaPolicy(), random);
        if (delta.parts().isEmpty()) {
            return;
        }
        boolean whole = delta.parts().stream().allMatch(DeltaPart::complete);
        if (whole) {
            transmitter.send(peer, new StatePush(delta), out);
        } else {
            transmitter.stream(peer, new StatePush(bulkDelta(nothing)), out);
        }
    }

    /**
     * A peer's digest (or its 64-bit summary) opening anti-entropy: answer with what it
     * lacks (and, for push-pull, our digest); a summary that matches ours needs no answer.
     */
    public void onDigest(Address from, StateDigest syn, PacketSink out) {
        if (syn.summaryOnly()) {
            Digest mine = state.digest();
            if (mine.summary() != syn.summary()) {
                // out of sync: a full push-pull exchange, opened from this side
                transmitter.send(from, new StateDigest(mine, true), out);
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

    /** A peer's delta and digest answering ours: apply the delta, send back what it lacks. */
    public void onAck(Address from, StateAck ack, long nowNanos, SyncOutputs out) {
        apply(ack.delta(), nowNanos, out);
        if (!ack.digest().entries().isEmpty()) {
            Delta delta = state.delta(ack.digest(), datagramBudget(), config.deltaPolicy(), random);
            if (needsBulk(delta, ack.digest())) {
                transmitter.stream(from, new StatePush(bulkDelta(ack.digest())), out);
            } else if (!delta.parts().isEmpty()) {
                transmitter.send(from, new StatePush(delta), out);
            }
        }
    }

    /** A delta expecting no reply (push-pull's third message, a push, direct mail or a rumor): apply it. */
    public boolean onPush(StatePush push, long nowNanos, StateOutputs out) {
        return apply(push.delta(), nowNanos, out);
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
        return state.delta(peer, maxStreamBytes / 2, config.deltaPolicy(), random);
    }

    private boolean apply(Delta delta, long nowNanos, StateOutputs out) {
        if (delta.parts().isEmpty()) {
            return false;
        }
        ApplyResult result = state.apply(delta, nowNanos);
        for (KeyChange change : result.changes()) {
            out.keyChanged(change);
        }
        // rumor mongering: a node that learns a hot single-entry update passes it on
        if (delta.parts().size() == 1 && !result.changes().isEmpty()) {
            DeltaPart part = delta.parts().get(0);
            if (part.entries().size() == 1) {
                spreadRumor(part, rumorKey(part.owner().name(), part.entries().get(0).key()));
            }
        }
        return !result.changes().isEmpty();
    }

    /** Of three random live peers, the one reconciled with least recently (or never). */
    private MemberEntry leastRecentPeer() {
        MemberEntry best = null;
        long bestTime = Long.MAX_VALUE;
        for (MemberEntry candidate : peers.live(3, "")) {
            long last = recency.last(candidate.name());
            if (best == null || last < bestTime) {
                best = candidate;
                bestTime = last;
            }
        }
        return best;
    }

    @Override
    public void memberReaped(String owner) {
        state.forget(owner);
        recency.forget(owner);
    }
}
