package io.grapevine.net;

import io.grapevine.core.repair.RingRepairCounts;

/**
 * A node's share of the shared keyspace, for metrics and tests.
 *
 * @param entries entries held here (tombstones included), replica or not
 * @param repairsOpened Merkle repairs this node opened (periodic and on ring changes)
 * @param entriesRepaired entries that won here through Merkle repair (ring repairs' pair repairs included)
 * @param ringRepairs closed-loop ring repairs: rounds started here, ended here, ended here
 *                    verified, and the entries the rounds ended here moved
 */
public record SharedKeyspaceStats(long entries, long repairsOpened, long entriesRepaired,
                                  RingRepairCounts ringRepairs) {
}
