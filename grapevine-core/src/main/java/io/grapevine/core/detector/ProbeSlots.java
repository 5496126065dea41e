package io.grapevine.core.detector;

import io.grapevine.core.base.Hash64;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * Clock-aligned probe slots: which member this node probes in each protocol period, chosen so
 * that across the cluster every member is probed by exactly one node per period.
 *
 * <p>A slot is one probe interval of the wall clock: slot {@code k} covers
 * {@code [k · interval, (k + 1) · interval)} of {@code nowNanos + clockOffsetNanos}. The
 * probeable members and this node are placed on a ring ordered by a 64-bit hash of their
 * names, the same ring at every node that holds the same members. In slot {@code k} each node
 * probes the member {@code c(k)} places after itself on the ring, where {@code c} runs through
 * a permutation of {@code 1 .. L-1} (L members on the ring) that changes every round of
 * {@code L - 1} slots and is the same function of {@code (round, L)} at every node. For one
 * {@code c}, "the member {@code c} places after me" is a bijection without fixed points, so a
 * silent member is probed in the next slot by someone, not after an unlucky wait of several
 * periods as with independent random orders (SWIM's randomized round-robin), and every node
 * still probes every other member once per round.
 *
 * <p>The alignment needs only that nodes agree on the members and that their wall clocks agree
 * to well within an interval (NTP). Where they do not (a node that has not yet heard of a join,
 * a clock far off), the probes of those nodes fall on random members of the round, as SWIM's
 * would: each node's round-robin holds whatever the others do.
 *
 * <p>Cost: the ring is rebuilt ({@code O(L log L)}) when the table's live set changes and at
 * the start of each round (which also picks up members moving between zones); a slot is O(1)
 * otherwise. Ties of the 44-bit hash prefix are broken by table position, which may differ
 * between nodes (probability about {@code L² / 2^45}); that only misaligns. Confined to the
 * node's thread.
 */
final class ProbeSlots {
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final Predicate<MemberEntry> probeable;
    private MemberEntry[] ring = new MemberEntry[0];
    private int selfRank = -1;
    private long builtVersion = -1;
    private long builtRound = -1;
    private Object builtZones;

    /** Slots over the members {@code probeable} accepts (the node itself is always on the ring). */
    ProbeSlots(Predicate<MemberEntry> probeable) {
        this.probeable = probeable;
    }

    /** The slot {@code nowNanos} falls in, for a wall clock {@code clockOffsetNanos} ahead of the monotonic one. */
    static long slotOf(long nowNanos, long clockOffsetNanos, long intervalNanos) {
        return Math.floorDiv(nowNanos + clockOffsetNanos, intervalNanos);
    }

    /** When slot {@code slot} begins, on the monotonic clock. */
    static long slotStartNanos(long slot, long clockOffsetNanos, long intervalNanos) {
        return slot * intervalNanos - clockOffsetNanos;
    }

    /**
     * The member {@code self} probes in {@code slot}, or {@code null} when nothing else is
     * probeable. {@code zonesToken} changes (by identity) whenever this node's view of its zone
     * does (the zone view's member list); any change rebuilds the ring.
     */
    MemberEntry target(long slot, MemberTable table, MemberEntry self, Object zonesToken) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (attempt > 0 || builtVersion != table.liveSetVersion() || zonesToken != builtZones
                    || roundOf(slot) != builtRound) {
                build(table, self);
                builtZones = zonesToken;
                builtRound = roundOf(slot);
            }
            int others = ring.length - 1;
            if (others < 1) {
                return null;
            }
            int place = (int) Math.floorMod(slot, (long) others);
            MemberEntry target = ring[(selfRank + offset(builtRound, others, place)) % ring.length];
            if (probeable.test(target)) {
                return target;
            }
            // the ring is stale in a way its keys missed (a member's zone just became known)
        }
        return null;
    }

    private long roundOf(long slot) {
        return ring.length > 1 ? Math.floorDiv(slot, ring.length - 1) : -1;
    }

    /**
     * The {@code place}-th offset (in {@code 1 .. others}) of round {@code round}: an affine
     * permutation {@code 1 + (a · place + b) mod others} with {@code a} coprime to
     * {@code others}, both drawn from a hash of the round and the ring's size, so every node
     * with the same ring draws the same.
     */
    static int offset(long round, int others, int place) {
        if (others == 1) {
            return 1;
        }
        long h = Hash64.mix(Hash64.mix(round) ^ others);
        long a = 1 + Math.floorMod(h, (long) (others - 1));
        while (gcd(a, others) != 1) {
            a = a % (others - 1) + 1;
        }
        long b = Math.floorMod(Hash64.mix(h), (long) others);
        return (int) (1 + (a * place + b) % others);
    }

    private void build(MemberTable table, MemberEntry self) {
        java.util.List<MemberEntry> entries = table.entries();
        MemberEntry[] built;
        if (entries.size() <= INDEX_MASK) {
            // one primitive sort: the hash's top 44 bits, then the table position
            long[] keys = new long[entries.size()];
            int count = 0;
            for (int i = 0; i < entries.size(); i++) {
                MemberEntry entry = entries.get(i);
                if (entry == self || probeable.test(entry)) {
                    keys[count++] = (nameHash(entry.name()) & ~INDEX_MASK) | i;
                }
            }
            Arrays.sort(keys, 0, count);
            built = new MemberEntry[count];
            for (int i = 0; i < count; i++) {
                built[i] = entries.get((int) (keys[i] & INDEX_MASK));
            }
        } else {
            built = entries.stream().filter(entry -> entry == self || probeable.test(entry))
                    .sorted(Comparator.comparingLong((MemberEntry entry) -> nameHash(entry.name()))
                            .thenComparing(MemberEntry::name))
                    .toArray(MemberEntry[]::new);
        }
        ring = built;
        selfRank = -1;
        for (int i = 0; i < built.length; i++) {
            if (built[i] == self) {
                selfRank = i;
            }
        }
        builtVersion = table.liveSetVersion();
    }

    /** FNV-1a over the name's UTF-16 units, then {@link Hash64#mix}: the same on every JVM. */
    static long nameHash(String name) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return Hash64.mix(h);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
