package io.grapevine.core.repair;

/**
 * A node's closed-loop ring repairs so far.
 *
 * @param started rounds this node started
 * @param completed rounds whose token ended at this node
 * @param verified of those, rounds whose replicas all reported the same root
 * @param entriesRepaired entries the rounds ending here moved, summed over their hops
 *                        ({@link RingRepairReport#entriesRepaired()})
 */
public record RingRepairCounts(long started, long completed, long verified, long entriesRepaired) {
}
