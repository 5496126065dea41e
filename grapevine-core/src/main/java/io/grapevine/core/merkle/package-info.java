/**
 * Merkle trees over key-hash buckets (Dynamo §4.7): one tree per key range, maintained
 * incrementally on every write and delete, compared root first so that repairing d
 * differences among n keys costs O(d log n) hashes instead of O(n). Pure data structures:
 * no dependencies but {@code base}.
 */
package io.grapevine.core.merkle;
