/**
 * Dynamo's Merkle-tree anti-entropy measured ({@code grapevine sim merkle}): two replicas of
 * one key range that differ in a few keys, repaired with the core's own repair steps
 * ({@link io.grapevine.core.keyspace.PairRepair}), against the same repair done by shipping
 * the whole range and against what Scuttlebutt's digest and delta would cost on the same
 * data. Bytes are those of the real wire codec (frames: type, length, body). Everything is
 * determined by the seed.
 */
package io.grapevine.sim.merkle;
