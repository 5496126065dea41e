/**
 * Zone-aware gossip in the simulator (issue 17, section 4): a cluster split into zones with
 * per-link latency by zone ({@link io.grapevine.sim.network.ZoneLatency}), run zone-aware or
 * flat by {@link io.grapevine.sim.zone.ZoneExperiment}, which measures cross-zone traffic,
 * write spread, false verdicts across zones and a zone cut off and healed
 * ({@link io.grapevine.sim.zone.ZoneResult}).
 */
package io.grapevine.sim.zone;
