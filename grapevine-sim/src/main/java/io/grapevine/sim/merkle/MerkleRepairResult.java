package io.grapevine.sim.merkle;

import io.grapevine.sim.report.JsonWriter;

/**
 * What one {@code sim merkle} run measured. Bytes are encoded frames (type, length, body) of
 * the real wire codec, without packet headers.
 *
 * @param keys keys in the range (on the replica that has them all)
 * @param differences keys that differ between the replicas
 * @param seed the seed that chose the keys and kinds of difference
 * @param fanout children per Merkle node
 * @param depth levels below the root
 * @param repaired true when the replicas held identical entries afterwards
 * @param merkleBytes bytes of every Merkle repair message (hashes both ways, then leaf entries both ways)
 * @param merkleMessages messages of the Merkle repair
 * @param merkleRoundTrips round trips of the Merkle repair: its longest chain of answers, halved, rounded up
 * @param merkleEntriesSent entries the Merkle repair carried (differing leaves hold neighbours too)
 * @param fullBytes the same repair by sending the whole range and getting back what differs
 * @param scuttlebuttBytes Scuttlebutt push-pull (digest; delta and digest; delta) on the same
 *                         writes, if every replica held each writer's writes in order
 */
public record MerkleRepairResult(int keys, int differences, long seed, int fanout, int depth, boolean repaired,
                                 long merkleBytes, int merkleMessages, int merkleRoundTrips, long merkleEntriesSent,
                                 long fullBytes, long scuttlebuttBytes) {
    /** Why the Scuttlebutt figure is a best case only. */
    public static final String SCUTTLEBUTT_NOTE = "best case: Scuttlebutt's per-writer version watermarks describe "
            + "a replica only when it holds every write of every writer, in order (each node writing its own keys, "
            + "full replication, no per-range tombstone collection); a shared keyspace with rf < N, written by "
            + "anyone, has no such watermark, which is why it uses Merkle trees";

    /** One JSON object on one line, with the fields of issue 15 §4 first. */
    public String toJson() {
        return new JsonWriter()
                .number("keys", keys)
                .number("differences", differences)
                .bool("repaired", repaired)
                .number("merkle_bytes", merkleBytes)
                .number("merkle_round_trips", merkleRoundTrips)
                .number("full_bytes", fullBytes)
                .number("scuttlebutt_bytes", scuttlebuttBytes)
                .string("scuttlebutt_note", SCUTTLEBUTT_NOTE)
                .number("merkle_messages", merkleMessages)
                .number("merkle_entries_sent", merkleEntriesSent)
                .number("full_round_trips", 1)
                .number("fanout", fanout)
                .number("depth", depth)
                .number("seed", seed)
                .toString();
    }

    /** One line of text for people. */
    public String toText() {
        return String.format(java.util.Locale.ROOT, "keys=%d differences=%d repaired=%s merkle=%d B in %d round trips "
                        + "(%d messages, %d entries) full=%d B scuttlebutt(best case)=%d B tree=%d^%d seed=%d",
                keys, differences, repaired, merkleBytes, merkleRoundTrips, merkleMessages, merkleEntriesSent,
                fullBytes, scuttlebuttBytes, fanout, depth, seed);
    }
}
