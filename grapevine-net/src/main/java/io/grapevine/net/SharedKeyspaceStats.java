package io.grapevine.net;

/**
 * A node's share of the shared keyspace, for metrics and tests.
 *
 * @param entries entries held here (tombstones included), replica or not
 * @param repairsOpened Merkle repairs this node opened (periodic and on ring changes)
 * @param entriesRepaired entries that won here through Merkle repair
 */
public record SharedKeyspaceStats(long entries, long repairsOpened, long entriesRepaired) {
}
