/**
 * Abstract epidemic models of the spread of one update through N nodes: anti-entropy (push,
 * pull, push-pull), rumor mongering (feedback or blind loss of interest, counter or coin) and
 * direct mail (Demers et al. 1987, "Epidemic algorithms for replicated database maintenance";
 * Karp et al. 2000, "Randomized rumor spreading").
 *
 * <p>These models do not run the protocol core: a node is an index into a few int arrays, so a
 * 10^5-node run takes well under a second. They exist to check the simulator and the product
 * against the classic results ({@link io.grapevine.sim.epidemic.Theory}). Every run is
 * determined by its seed; the only randomness is {@link io.grapevine.core.base.SplitMix64}.
 */
package io.grapevine.sim.epidemic;
