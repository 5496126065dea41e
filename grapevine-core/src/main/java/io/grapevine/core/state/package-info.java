/**
 * Replicated key/value state (Scuttlebutt): per-owner versioned entries in priority-class
 * streams, digests, byte-budgeted deltas with breadth- or depth-first policies, resets after
 * tombstone garbage collection, TTLs and limits.
 */
package io.grapevine.core.state;
