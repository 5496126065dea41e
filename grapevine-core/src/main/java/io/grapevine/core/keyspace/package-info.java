/**
 * The shared keyspace as one replica holds it (Dynamo's data model): keys any node may write,
 * stamped by a hybrid logical clock and resolved by last-writer-wins with the writer's name as
 * tie-break; tombstones and their garbage-collection horizon; the storage interface and its
 * in-memory implementation; a Merkle tree per key range kept up to date on every change, and
 * the comparison steps of a Merkle repair. Knows nothing of the network: the {@code repair}
 * room drives it.
 */
package io.grapevine.core.keyspace;
