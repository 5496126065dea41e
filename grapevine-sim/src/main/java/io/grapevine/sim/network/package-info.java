/**
 * The simulated network: {@link io.grapevine.sim.network.NetworkModel} (latency, loss and
 * duplication, an immutable validated record) and {@link io.grapevine.sim.network.Network}
 * (the seeded per-run instance that samples delays and holds partitions and blocked links).
 * Reordering is not a separate knob: it follows from independent latency samples.
 */
package io.grapevine.sim.network;
