package io.grapevine.sim.reconcile;

/**
 * Byte and message counters of one run, split by what the bytes carried. Mutable, confined to
 * the run that fills it.
 */
final class Traffic {
    private final int mtuBytes;
    private final long[] sentByNode;
    /** Messages sent. */
    long messages;
    /** Bytes of packet headers, count bytes and checksums. */
    long headerBytes;
    /** Bytes of digests (precise: version and want lists). */
    long digestBytes;
    /** Bytes of encoded deltas. */
    long deltaBytes;
    /** Entries carried in deltas. */
    long entries;
    /** The largest message, in bytes. */
    int largestMessageBytes;
    /** Messages larger than the MTU. */
    long messagesOverMtu;

    /** Zeroed counters for {@code nodes} nodes and an MTU of {@code mtuBytes}. */
    Traffic(int nodes, int mtuBytes) {
        this.sentByNode = new long[nodes];
        this.mtuBytes = mtuBytes;
    }

    /**
     * Counts one message sent by {@code node}: a packet header, then {@code digest} bytes of
     * digest or version list and {@code delta} bytes of entries (frame headers included in
     * whichever part the frame belongs to), carrying {@code entryCount} entries.
     */
    void message(int node, int header, int digest, int delta, int entryCount) {
        int size = header + digest + delta;
        messages++;
        headerBytes += header;
        digestBytes += digest;
        deltaBytes += delta;
        entries += entryCount;
        sentByNode[node] += size;
        largestMessageBytes = Math.max(largestMessageBytes, size);
        if (size > mtuBytes) {
            messagesOverMtu++;
        }
    }

    /** Every byte counted. */
    long totalBytes() {
        return headerBytes + digestBytes + deltaBytes;
    }

    /** The bytes sent by the node that sent most. */
    long maxSentByNode() {
        long max = 0;
        for (long sent : sentByNode) {
            max = Math.max(max, sent);
        }
        return max;
    }
}
