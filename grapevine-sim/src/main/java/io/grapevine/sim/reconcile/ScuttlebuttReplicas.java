package io.grapevine.sim.reconcile;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.state.DeltaPolicy;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.state.ReplicatedState;
import io.grapevine.core.state.StateConfig;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.StateDigest;
import io.grapevine.core.wire.WireCodec;
import java.util.Objects;

/**
 * Scuttlebutt as the core does it: one {@link ReplicatedState} per node, push-pull exchanges of
 * SYN (digest), ACK (delta and digest) and ACK2 (delta), each delta cut to the budget by the
 * core's {@link DeltaPolicy}. An ACK2 with nothing in it is not sent, as in the core.
 *
 * <p>Only the datagram path is modelled: the core's fallback to a stream exchange for a peer
 * far behind is not, so every byte goes through budget-sized deltas.
 */
final class ScuttlebuttReplicas implements Replicas {
    private static final int EMPTY_ACK2_FRAME_BYTES = WireCodec.encodeFrame(new StatePush(Delta.EMPTY)).length;

    private final Identities ids;
    private final ReplicatedState[] states;
    private final SplitMix64[] randoms;
    private final DeltaPolicy policy;
    private final int budgetBytes;

    /** Empty states for every node, each with its own random stream split from {@code random}. */
    ScuttlebuttReplicas(Identities ids, DeltaPolicy policy, int budgetBytes, SplitMix64 random) {
        this.ids = ids;
        this.policy = policy;
        this.budgetBytes = budgetBytes;
        this.states = new ReplicatedState[ids.count()];
        this.randoms = new SplitMix64[ids.count()];
        StateConfig config = StateConfig.defaults();
        for (int i = 0; i < states.length; i++) {
            states[i] = new ReplicatedState(ids.id(i), config);
            randoms[i] = random.split();
        }
    }

    @Override
    public long write(int node, String key, byte[] value, KeyPriority priority, long nowNanos) {
        return states[node].put(key, value, priority, 0, nowNanos).newVersion();
    }

    @Override
    public void exchange(int initiator, int responder, long nowNanos, Traffic traffic) {
        ReplicatedState a = states[initiator];
        ReplicatedState b = states[responder];
        Digest digestA = a.digest();
        int syn = WireCodec.encodeFrame(new StateDigest(digestA, true)).length;
        traffic.message(initiator, ids.headerBytes(initiator), syn, 0, 0);

        Delta forA = b.delta(digestA, budgetBytes, policy, randoms[responder]);
        Digest digestB = b.digest();
        int ack = WireCodec.encodeFrame(new StateAck(forA, digestB)).length;
        int ackDelta = deltaBytes(forA);
        traffic.message(responder, ids.headerBytes(responder), ack - ackDelta, ackDelta, forA.entryCount());
        a.apply(forA, nowNanos);

        Delta forB = a.delta(digestB, budgetBytes, policy, randoms[initiator]);
        if (!forB.parts().isEmpty()) {
            int ack2 = WireCodec.encodeFrame(new StatePush(forB)).length;
            traffic.message(initiator, ids.headerBytes(initiator), 0, ack2, forB.entryCount());
            b.apply(forB, nowNanos);
        }
    }

    /** Bytes the delta adds to a frame: its encoding less that of the empty delta. */
    private static int deltaBytes(Delta delta) {
        if (delta.parts().isEmpty()) {
            return 0;
        }
        return WireCodec.encodeFrame(new StatePush(delta)).length - EMPTY_ACK2_FRAME_BYTES;
    }

    @Override
    public boolean converged() {
        // cheap necessary condition first: everyone holds each owner's highest version
        for (int owner = 0; owner < states.length; owner++) {
            long newest = states[owner].localVersion();
            String name = ids.id(owner).name();
            for (ReplicatedState state : states) {
                if (state.maxVersion(name) < newest) {
                    return false;
                }
            }
        }
        // every watermark equal to the owner's own means every entry held: deltas never skip a version
        Digest first = states[0].digest();
        for (int owner = 0; owner < states.length; owner++) {
            for (var row : states[owner].digest().entries()) {
                if (row.owner().name().equals(ids.id(owner).name()) && !first.entries().contains(row)) {
                    return false;
                }
            }
        }
        for (int i = 1; i < states.length; i++) {
            if (!Objects.equals(first, states[i].digest())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean holds(int node, int owner, String key, long version) {
        return states[node].entry(ids.id(owner).name(), key).map(e -> e.version() >= version).orElse(false);
    }

    /** The state of {@code node}, for checks in tests. */
    ReplicatedState state(int node) {
        return states[node];
    }
}
