package io.grapevine.core.keyspace;

import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.merkle.MerkleTree;
import io.grapevine.core.wire.LeafRef;
import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.MerkleHash;
import io.grapevine.core.wire.MerkleHashes;
import io.grapevine.core.wire.MerkleInSync;
import io.grapevine.core.wire.SharedEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The steps of a Merkle repair between two replicas, each a pure function of one replica's
 * {@link Keyspace} and the message received, so the protocol ({@code repair} room) and the
 * simulator run the very same code:
 * <ol>
 *   <li>{@link #roots}: the initiator sends the root of every range the two share;</li>
 *   <li>{@link #compare}: the receiver answers each differing inner node with its children's
 *       hashes, level by level, alternating sides; a matching root ends that range, and the
 *       receiver tells the initiator so ({@link #inSyncNotice}, {@link #onInSync}): both know
 *       they were in sync;</li>
 *   <li>at the leaves, the side that finds them differing sends its entries there
 *       ({@link #entriesOf}, complete, asking for a reply);</li>
 *   <li>{@link #onEntries}: the other applies them by last-writer-wins and answers with its
 *       entries of those leaves that the first lacks or holds older.</li>
 * </ol>
 * Identical ranges exchange only their root hashes (the roots, and the in-sync notice back); d differences among n keys cost about
 * {@code d · depth · fanout} hashes plus the entries of d leaves. Stateless.
 */
public final class RangeComparison {
    /** Largest encoded {@link MerkleHash}: partition (2), level (1), index (4), hash (8). */
    public static final int MAX_HASH_ITEM_BYTES = 15;

    private RangeComparison() {
    }

    /** This replica's root hashes of {@code partitions}, opening a repair. */
    public static MerkleHashes roots(Keyspace keyspace, List<Integer> partitions) {
        List<MerkleHash> items = new ArrayList<>(partitions.size());
        for (int partition : partitions) {
            items.add(new MerkleHash(partition, 0, 0, keyspace.tree(partition).root()));
        }
        MerkleShape shape = keyspace.config().merkle();
        return new MerkleHashes(shape.fanout(), shape.depth(), items);
    }

    /**
     * Compares a peer's hashes with this replica's trees, for the ranges {@code shared} accepts
     * (others are ignored), answering with at most {@code maxBytes / MAX_HASH_ITEM_BYTES} deeper
     * hashes so the answer fits a stream frame (the subtrees left out stay different, and the
     * next exchange descends into them). A range whose roots are equal is marked in sync at
     * {@code physicalMillis}. The caller checks the shape first.
     */
    public static ComparisonStep compare(Keyspace keyspace, MerkleHashes theirs, IntPredicate shared, int maxBytes,
                                         long physicalMillis) {
        int maxItems = Math.max(keyspace.config().merkle().fanout(), maxBytes / MAX_HASH_ITEM_BYTES);
        MerkleShape shape = keyspace.config().merkle();
        List<MerkleHash> deeper = new ArrayList<>();
        List<LeafId> leaves = new ArrayList<>();
        List<Integer> matched = new ArrayList<>();
        for (MerkleHash item : theirs.items()) {
            if (item.partition() >= keyspace.config().partitions() || item.level() > shape.depth()
                    || item.index() >= shape.width(item.level()) || !shared.test(item.partition())) {
                continue;
            }
            MerkleTree tree = keyspace.tree(item.partition());
            if (tree.hash(item.level(), item.index()) == item.hash()) {
                if (item.level() == 0) {
                    matched.add(item.partition());
                    keyspace.markSynced(item.partition(), physicalMillis);
                }
                continue;
            }
            // a leaf, or a subtree so sparse here that its entries cost less than the fanout's hashes below it
            // (an entry is ~3-4 hashes' worth of bytes): exchange its entries instead of descending
            if (item.level() == shape.depth() || tree.count(item.level(), item.index()) <= shape.fanout() / 4) {
                leaves.add(new LeafId(item.partition(), item.level(), item.index()));
                continue;
            }
            if (deeper.size() + shape.fanout() > maxItems) {
                continue; // over budget: this subtree waits for the next exchange
            }
            int first = item.index() * shape.fanout();
            for (int i = 0; i < shape.fanout(); i++) {
                deeper.add(new MerkleHash(item.partition(), item.level() + 1, first + i,
                        tree.hash(item.level() + 1, first + i)));
            }
        }
        return new ComparisonStep(deeper, leaves, matched);
    }

    /** The notice telling the peer which of its roots matched (empty when none did). */
    public static Optional<MerkleInSync> inSyncNotice(Keyspace keyspace, ComparisonStep step) {
        if (step.matchedRanges().isEmpty()) {
            return Optional.empty();
        }
        List<MerkleHash> roots = new ArrayList<>(step.matchedRanges().size());
        for (int range : step.matchedRanges()) {
            roots.add(new MerkleHash(range, 0, 0, keyspace.tree(range).root()));
        }
        return Optional.of(new MerkleInSync(roots));
    }

    /**
     * A peer's notice that some roots matched: each range still at that root is marked in sync
     * at {@code physicalMillis}; returns those ranges.
     */
    public static List<Integer> onInSync(Keyspace keyspace, MerkleInSync notice, long physicalMillis) {
        List<Integer> inSync = new ArrayList<>();
        for (MerkleHash root : notice.roots()) {
            if (root.partition() < keyspace.config().partitions()
                    && keyspace.tree(root.partition()).root() == root.hash()) {
                keyspace.markSynced(root.partition(), physicalMillis);
                inSync.add(root.partition());
            }
        }
        return inSync;
    }

    /**
     * This replica's entries in {@code leaves}, complete unless they exceed {@code maxBytes}
     * (then a prefix, marked incomplete: the rest is repaired by a later exchange).
     */
    public static MerkleEntries entriesOf(Keyspace keyspace, List<LeafId> leaves, boolean reply, int maxBytes,
                                          long physicalMillis) {
        List<LeafRef> refs = new ArrayList<>(leaves.size());
        List<SharedEntry> entries = new ArrayList<>();
        int bytes = 0;
        boolean complete = true;
        for (LeafId leaf : leaves) {
            if (!complete) {
                break;
            }
            refs.add(ref(keyspace, leaf.partition(), leaf.level(), leaf.index(), physicalMillis));
            for (SharedEntry entry : keyspace.subtreeEntries(leaf.partition(), leaf.level(), leaf.index())) {
                bytes += entry.encodedSize();
                if (bytes > maxBytes) {
                    complete = false;
                    break;
                }
                entries.add(entry);
            }
        }
        return new MerkleEntries(reply, complete, refs, entries);
    }

    private static LeafRef ref(Keyspace keyspace, int partition, int level, int index, long physicalMillis) {
        return new LeafRef(partition, level, index, keyspace.horizon(partition),
                keyspace.isStale(partition, physicalMillis));
    }

    /**
     * Applies a peer's leaf entries by last-writer-wins, with the horizon rule that keeps a
     * collected deletion from coming back (issue 15 section 1):
     * <ul>
     *   <li>a range's horizon rises to the peer's, unless the peer is stale (its tombstones below
     *       the horizon are collected);</li>
     *   <li>this replica stale (away for longer than the grace) and the peer fresh with a
     *       complete list: its entries of those leaves older than the peer's horizon that the
     *       peer lacks are dropped (deleted there long ago): a reset;</li>
     *   <li>this replica fresh and the peer stale: the peer's values older than the horizon
     *       that this replica lacks are refused, and the answer carries a tombstone for each, so
     *       that the peer drops it too;</li>
     *   <li>otherwise every entry is merged: a fresh replica's old entry is data another
     *       replica merely lacked (a moved range, a lost mail), never a deletion.</li>
     * </ul>
     * When the peer asked, the answer carries this replica's entries of those leaves that
     * differ from the peer's, and those tombstones.
     */
    public static EntriesReceived onEntries(Keyspace keyspace, MerkleEntries theirs, long physicalMillis,
                                            int maxBytes) {
        int partitions = keyspace.config().partitions();
        MerkleShape shape = keyspace.config().merkle();
        List<LeafRef> leaves = new ArrayList<>();
        java.util.Set<LeafId> seen = new java.util.HashSet<>();
        java.util.Map<Integer, Boolean> peerStale = new java.util.HashMap<>();
        for (LeafRef leaf : theirs.leaves()) {
            // each subtree once, however often a peer names it: a message cannot buy more scans than subtrees
            if (leaf.partition() < partitions && leaf.level() <= shape.depth()
                    && leaf.index() < shape.width(leaf.level())
                    && seen.add(new LeafId(leaf.partition(), leaf.level(), leaf.index()))) {
                leaves.add(leaf);
                peerStale.merge(leaf.partition(), leaf.stale(), Boolean::logicalOr);
                if (!leaf.stale()) {
                    keyspace.raiseHorizon(leaf.partition(), leaf.horizon());
                }
            }
        }
        Map<String, SharedEntry> received = new HashMap<>();
        List<SharedEntry> changed = new ArrayList<>();
        List<SharedEntry> refused = new ArrayList<>();
        for (SharedEntry entry : theirs.entries()) {
            received.put(entry.key(), entry);
            int partition = keyspace.partitionOf(entry.key());
            // only a fresh replica refuses a stale one's old values: two stale ones merge everything
            boolean refuseOld = peerStale.getOrDefault(partition, false) && !keyspace.isStale(partition, physicalMillis);
            ApplyOutcome outcome = keyspace.apply(entry, physicalMillis, refuseOld);
            if (outcome == ApplyOutcome.APPLIED) {
                changed.add(entry);
            } else if (outcome == ApplyOutcome.BELOW_HORIZON && !entry.tombstone()) {
                refused.add(entry);
            }
        }
        int dropped = 0;
        List<SharedEntry> mine = new ArrayList<>();
        for (LeafRef leaf : leaves) {
            boolean reset = theirs.complete() && !leaf.stale() && keyspace.isStale(leaf.partition(), physicalMillis);
            for (SharedEntry entry : keyspace.subtreeEntries(leaf.partition(), leaf.level(), leaf.index())) {
                if (reset && !received.containsKey(entry.key()) && entry.hlc() < leaf.horizon()) {
                    keyspace.dropBelowHorizon(entry);
                    dropped++;
                } else if (!entry.equals(received.get(entry.key()))) {
                    mine.add(entry);
                }
            }
        }
        if (!theirs.reply()) {
            return new EntriesReceived(changed, dropped, Optional.empty());
        }
        List<SharedEntry> answer = new ArrayList<>();
        int bytes = 0;
        for (SharedEntry entry : refused) {
            mine.add(SharedEntry.tombstone(entry.key(), entry.hlc(), entry.writer()));
        }
        for (SharedEntry entry : mine) {
            bytes += entry.encodedSize();
            if (bytes > maxBytes) {
                break; // the rest differs still: the next exchange repairs it
            }
            answer.add(entry);
        }
        List<LeafRef> refs = new ArrayList<>(leaves.size());
        for (LeafRef leaf : leaves) {
            refs.add(ref(keyspace, leaf.partition(), leaf.level(), leaf.index(), physicalMillis));
        }
        // an answer is a difference, never a complete list: it proves no key absent
        return new EntriesReceived(changed, dropped, Optional.of(new MerkleEntries(false, false, refs, answer)));
    }
}
