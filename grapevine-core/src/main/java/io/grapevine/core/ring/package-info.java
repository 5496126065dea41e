/**
 * Placement of the shared keyspace (Dynamo §4.2-4.3 and §6.2, strategy 3): the key-hash space
 * is cut into a fixed number of equal ranges (partitions), and a consistent-hash ring of the
 * live members, each at a configurable number of virtual-node tokens, gives each range its
 * {@code rf} replicas. Pure: depends only on {@code base}.
 */
package io.grapevine.core.ring;
