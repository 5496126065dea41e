/**
 * Reconciliation compared: Scuttlebutt as the core implements it
 * ({@link io.grapevine.core.state.ReplicatedState}, breadth-first and depth-first deltas)
 * against precise reconciliation (a per-key version list each time), on a round-based model
 * where every node runs one push-pull exchange per round with a random peer and every delta is
 * cut to a datagram budget. Bytes are those of the real wire codec
 * ({@link io.grapevine.core.wire.WireCodec}) plus one packet header per message.
 *
 * <p>Workloads (van Renesse et al. 2008, "Efficient reconciliation and flow control for
 * anti-entropy protocols"): a load (every node writes many keys at once, then silence) and a
 * starvation test (one node writes heavily every round while a quiet node writes one key).
 * Everything is determined by the seed.
 */
package io.grapevine.sim.reconcile;
