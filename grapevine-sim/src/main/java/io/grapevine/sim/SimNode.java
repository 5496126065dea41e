package io.grapevine.sim;

import io.grapevine.core.Node;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.keyspace.MemoryKeyStore;

/**
 * The simulator's record of one simulated host: its fixed name and address, the current life
 * ({@link Node} and generation), and the faults applied to it. Mutable; owned by
 * {@link Simulation} and changed only on its thread.
 */
final class SimNode {
    /** Every simulated node listens on this port; hosts differ. */
    static final int PORT = 7946;

    final int index;
    final String name;
    final Address address;
    final SplitMix64 firstLifeRandom;
    /** The host's shared-keyspace store: its data directory, which a restarted life finds as the last one left it. */
    final KeyStore store = new MemoryKeyStore();
    Node node;
    long generation;
    NodeState state = NodeState.NOT_STARTED;
    long pausedUntilNanos;
    long slowDelayNanos;
    /** Fraction of this node's outgoing datagrams lost on the way out (a gray failure); 0 for none. */
    double egressLoss;
    int tickToken;
    boolean tickPending;
    /** Down because its process was killed: its host refuses stream connections (see {@link Simulation#kill}). */
    boolean refusesStreams;
    long tickAtNanos;

    SimNode(int index, SplitMix64 firstLifeRandom) {
        this.index = index;
        this.name = "node-" + index;
        this.address = new Address("10." + ((index >>> 16) & 0xFF) + "." + ((index >>> 8) & 0xFF) + "."
                + (index & 0xFF), PORT);
        this.firstLifeRandom = firstLifeRandom;
    }

    NodeId nextIdentity() {
        return new NodeId(name, address, generation + 1);
    }

    boolean pausedAt(long nowNanos) {
        return nowNanos < pausedUntilNanos;
    }

    /** Forgets the pending tick: any tick event already queued becomes stale. */
    void cancelTick() {
        tickToken++;
        tickPending = false;
    }
}
