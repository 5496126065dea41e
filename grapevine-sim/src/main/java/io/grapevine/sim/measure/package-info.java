/**
 * What a simulation run measures. Observers ({@link io.grapevine.sim.SimObserver}) track outcomes
 * incrementally from the nodes' events, so checks stay O(1) per event: who sees a member in some
 * status ({@link io.grapevine.sim.measure.StatusWatch}), view sizes and their stability
 * ({@link io.grapevine.sim.measure.ViewSizes}), user-event spread
 * ({@link io.grapevine.sim.measure.EventSpread}), false failure verdicts
 * ({@link io.grapevine.sim.measure.FalsePositives}), resurrected lives
 * ({@link io.grapevine.sim.measure.Resurrections}). The one O(N²) check, identical views
 * ({@link io.grapevine.sim.measure.ViewAgreement}), runs periodically. Results are
 * {@link io.grapevine.sim.measure.RunResult}s summarised by
 * {@link io.grapevine.sim.measure.Summary}.
 */
package io.grapevine.sim.measure;
