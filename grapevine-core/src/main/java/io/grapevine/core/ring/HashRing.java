package io.grapevine.core.ring;

import io.grapevine.core.base.Hash64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A consistent-hash ring of members at virtual-node tokens, and the replicas it gives each of
 * {@code 2^partitionBits} equal key ranges: walking the ring clockwise from the range's end,
 * the first {@code rf} distinct members (Dynamo §6.2, strategy 3: equal partitions, placement
 * by token). A range's replica list is in ring order, which is also the order the closed-loop
 * repair walks. Fixed ranges keep Merkle trees stable when the ring changes: a membership
 * change moves whole ranges between members, it never re-cuts them.
 *
 * <p>Tokens of member {@code m}: {@code Hash64.of(m + "#" + v)} for {@code v < virtualNodes}, so
 * every node computes the same ring from the same live set. Immutable.
 */
public final class HashRing {
    private final List<String> members;
    private final int partitionBits;
    private final int replicationFactor;
    private final List<List<String>> replicas;

    private HashRing(List<String> members, int partitionBits, int replicationFactor, List<List<String>> replicas) {
        this.members = members;
        this.partitionBits = partitionBits;
        this.replicationFactor = replicationFactor;
        this.replicas = replicas;
    }

    /**
     * The ring of {@code members}.
     *
     * @param members distinct member names (any order; the ring sorts them)
     * @param virtualNodes tokens per member, positive
     * @param partitionBits the key space has {@code 2^partitionBits} ranges, 0..16
     * @param replicationFactor replicas per range; 0 means every member (full replication)
     */
    public static HashRing of(Collection<String> members, int virtualNodes, int partitionBits, int replicationFactor) {
        if (virtualNodes < 1 || partitionBits < 0 || partitionBits > 16 || replicationFactor < 0) {
            throw new IllegalArgumentException("bad ring parameters: " + virtualNodes + ", " + partitionBits + ", "
                    + replicationFactor);
        }
        List<String> sorted = List.copyOf(new TreeSet<>(members));
        int tokenCount = sorted.size() * virtualNodes;
        long[] tokens = new long[tokenCount];
        int[] owners = new int[tokenCount];
        Integer[] order = new Integer[tokenCount];
        long[] raw = new long[tokenCount];
        for (int m = 0; m < sorted.size(); m++) {
            for (int v = 0; v < virtualNodes; v++) {
                int at = m * virtualNodes + v;
                raw[at] = Hash64.of(sorted.get(m) + "#" + v);
                order[at] = at;
            }
        }
        // unsigned token order; equal tokens (2^-64) by member order, so the ring is a pure function of the set
        Arrays.sort(order, (a, b) -> {
            int byToken = Long.compareUnsigned(raw[a], raw[b]);
            return byToken != 0 ? byToken : Integer.compare(a, b);
        });
        for (int i = 0; i < tokenCount; i++) {
            tokens[i] = raw[order[i]];
            owners[i] = order[i] / virtualNodes;
        }
        int count = 1 << partitionBits;
        int rf = replicationFactor == 0 ? sorted.size() : Math.min(replicationFactor, sorted.size());
        List<List<String>> replicas = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            replicas.add(walk(sorted, tokens, owners, rangeEnd(p, partitionBits), rf));
        }
        return new HashRing(sorted, partitionBits, replicationFactor, List.copyOf(replicas));
    }

    /** The first hash past range {@code p} (0 after the last range: the ring wraps). */
    private static long rangeEnd(int p, int partitionBits) {
        return partitionBits == 0 ? 0 : (long) (p + 1) << (64 - partitionBits);
    }

    private static List<String> walk(List<String> members, long[] tokens, int[] owners, long from, int rf) {
        List<String> chosen = new ArrayList<>(rf);
        if (tokens.length == 0) {
            return List.of();
        }
        int start = firstAtOrAfter(tokens, from);
        boolean[] taken = new boolean[members.size()];
        for (int i = 0; i < tokens.length && chosen.size() < rf; i++) {
            int owner = owners[(start + i) % tokens.length];
            if (!taken[owner]) {
                taken[owner] = true;
                chosen.add(members.get(owner));
            }
        }
        return List.copyOf(chosen);
    }

    private static int firstAtOrAfter(long[] tokens, long from) {
        int low = 0;
        int high = tokens.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(tokens[mid], from) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == tokens.length ? 0 : low;
    }

    /** The range a key hash falls in: its first {@code partitionBits} bits. */
    public static int partitionOf(long keyHash, int partitionBits) {
        return partitionBits == 0 ? 0 : (int) (keyHash >>> (64 - partitionBits));
    }

    /** The range of {@code keyHash} on this ring. */
    public int partitionOf(long keyHash) {
        return partitionOf(keyHash, partitionBits);
    }

    /** The members on the ring, sorted by name. */
    public List<String> members() {
        return members;
    }

    /** Number of ranges. */
    public int partitions() {
        return replicas.size();
    }

    /** The configured replication factor (0: every member). */
    public int replicationFactor() {
        return replicationFactor;
    }

    /** The replicas of range {@code partition}, in ring order (empty when the ring is). */
    public List<String> replicas(int partition) {
        return replicas.get(partition);
    }

    /** True when {@code name} is a replica of range {@code partition}. */
    public boolean isReplica(String name, int partition) {
        return replicas.get(partition).contains(name);
    }

    /** The ranges {@code name} replicates, in increasing order. */
    public List<Integer> partitionsOf(String name) {
        List<Integer> held = new ArrayList<>();
        for (int p = 0; p < replicas.size(); p++) {
            if (replicas.get(p).contains(name)) {
                held.add(p);
            }
        }
        return held;
    }
}
