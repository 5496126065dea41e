/**
 * The deterministic simulator: {@link io.grapevine.sim.Simulation} runs N copies of the
 * protocol core ({@code io.grapevine.core.Node}) on a virtual clock over a seeded network, with
 * crashes, pauses, slow nodes, restarts and graceful leaves; {@link io.grapevine.sim.SimConfig}
 * configures a run. Same seed, same trace. Sub-packages: {@code .network} (the network model),
 * {@code .measure} (what a run measures), {@code .scenario} (the standard scenarios),
 * {@code .report} (text, JSON and CSV output).
 */
package io.grapevine.sim;
