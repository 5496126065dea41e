/**
 * The standard scenarios as named, parameterised objects ({@link io.grapevine.sim.scenario.Scenario},
 * listed by {@link io.grapevine.sim.scenario.Scenarios}): S1 join, S2 failure, S3 event, S4
 * leave, and pause, partition-heal, slow-nodes, bootstrap and restart. Each builds a
 * {@link io.grapevine.sim.Simulation}, warms a cluster up where it needs one, injects its fault,
 * observes a window of protocol periods and returns a {@link io.grapevine.sim.measure.RunResult}.
 */
package io.grapevine.sim.scenario;
