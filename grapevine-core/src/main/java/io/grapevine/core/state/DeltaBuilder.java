package io.grapevine.core.state;

import io.grapevine.core.wire.EncodedSize;
import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.RandomSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cuts the delta a peer needs (given its {@link Digest}) to a byte budget: class by class
 * ({@link KeyPriority}), and within a class by the {@link DeltaPolicy}. Every part holds a
 * version-ordered prefix of what the peer lacks, so truncation never skips a version.
 */
final class DeltaBuilder {
    /** Budget for the delta's own header (flags and part count). */
    static final int DELTA_HEADER_BYTES = 6;

    private DeltaBuilder() {
    }

    /** One stale stream: what to send of it and how far we got. */
    private static final class Pending {
        final OwnerState owner;
        final KeyPriority priority;
        final KeyStream stream;
        final boolean reset;
        final long fromVersion;
        /** Staleness: how many versions the peer is behind (van Renesse's "most out of date"). O(1). */
        final long lag;
        final Iterator<VersionedEntry> source;
        final List<VersionedEntry> taken = new ArrayList<>();
        private VersionedEntry head;
        boolean charged;

        boolean hasNext() {
            return head != null || source.hasNext();
        }

        VersionedEntry head() {
            if (head == null) {
                head = source.next();
            }
            return head;
        }

        void takeHead() {
            taken.add(head());
            head = null;
        }

        Pending(OwnerState owner, KeyPriority priority, boolean reset, long fromVersion) {
            this.owner = owner;
            this.priority = priority;
            this.stream = owner.stream(priority);
            this.reset = reset;
            this.fromVersion = fromVersion;
            Collection<VersionedEntry> entries = reset ? stream.all() : stream.after(fromVersion);
            this.lag = stream.maxVersion() - fromVersion;
            this.source = entries.iterator();
        }

        DeltaPart toPart() {
            boolean complete = !hasNext();
            long max = complete ? stream.maxVersion()
                    : taken.isEmpty() ? fromVersion : taken.get(taken.size() - 1).version();
            return new DeltaPart(owner.owner(), priority, reset, fromVersion, stream.gcVersion(), max, complete, taken);
        }
    }

    static Delta build(Collection<OwnerState> owners, Digest peer, int budgetBytes, DeltaPolicy policy,
                       RandomSource random) {
        DigestIndex index = new DigestIndex(peer);
        List<DeltaPart> parts = new ArrayList<>();
        int[] budget = {budgetBytes - DELTA_HEADER_BYTES};
        boolean resetDeferred = false;
        for (KeyPriority priority : KeyPriority.values()) {
            List<Pending> stale = stale(owners, index, priority);
            // a reset is all or nothing: one that does not fit waits for a stream exchange
            for (Pending pending : stale) {
                if (pending.reset && !fitsWhole(pending, budget)) {
                    resetDeferred = true;
                }
            }
            stale.removeIf(p -> p.reset && !p.charged);
            if (stale.isEmpty()) {
                continue;
            }
            if (policy == DeltaPolicy.DEPTH_FIRST) {
                stale.sort(Comparator.comparingLong((Pending p) -> -p.lag));
                for (Pending pending : stale) {
                    while (pending.hasNext() && take(pending, budget)) {
                        // keep taking from the most out-of-date stream
                    }
                }
            } else {
                roundRobin(stale, budget, random);
            }
            for (Pending pending : stale) {
                int header = EncodedSize.partHeader(pending.owner.owner());
                if (!pending.charged && !pending.hasNext() && budget[0] >= header) {
                    // nothing left to send but a watermark to advance (its newest writes were forgotten deletes)
                    budget[0] -= header;
                    pending.charged = true;
                }
                if (!pending.taken.isEmpty() || (pending.charged && !pending.hasNext())) {
                    parts.add(pending.toPart());
                }
            }
            if (budget[0] <= 0) {
                break;
            }
        }
        return new Delta(parts, resetDeferred);
    }

    /** Charges and takes the whole stream if it fits in the budget. */
    private static boolean fitsWhole(Pending pending, int[] budget) {
        long cost = EncodedSize.partHeader(pending.owner.owner());
        for (VersionedEntry entry : pending.stream.all()) {
            cost += entry.encodedSize();
        }
        if (cost > budget[0]) {
            return false;
        }
        budget[0] -= (int) cost;
        pending.charged = true;
        while (pending.hasNext()) {
            pending.takeHead();
        }
        return true;
    }

    /** Upper bound of the entries a peer lacks: the sum of version lags (O(owners), no entry walk). */
    static long lag(Collection<OwnerState> owners, Digest peer) {
        DigestIndex index = new DigestIndex(peer);
        long lag = 0;
        for (KeyPriority priority : KeyPriority.values()) {
            for (Pending pending : stale(owners, index, priority)) {
                lag += pending.reset ? pending.stream.size() : pending.lag;
            }
        }
        return lag;
    }

    private static List<Pending> stale(Collection<OwnerState> owners, DigestIndex index,
                                       KeyPriority priority) {
        List<Pending> stale = new ArrayList<>();
        for (OwnerState owner : owners) {
            KeyStream stream = owner.stream(priority);
            DigestEntry row = index.row(owner.owner(), priority);
            long watermark = row == null ? 0 : row.maxVersion();
            long peerGc = row == null ? 0 : row.gcVersion();
            if (stream.maxVersion() <= watermark) {
                continue;
            }
            // the peer missed deletions we no longer remember: only a reset can repair it
            // (even a peer holding nothing: by the time a delayed delta arrives it may hold
            // something, and only a reset says "drop what you have")
            boolean reset = watermark < stream.gcVersion() && peerGc < stream.gcVersion();
            stale.add(new Pending(owner, priority, reset, reset ? 0 : watermark));
        }
        return stale;
    }

    private static void roundRobin(List<Pending> stale, int[] budget, RandomSource random) {
        int n = stale.size();
        int start = random.nextInt(n);
        boolean progress = true;
        while (progress && budget[0] > 0) {
            progress = false;
            for (int i = 0; i < n; i++) {
                Pending pending = stale.get((start + i) % n);
                if (pending.hasNext() && take(pending, budget)) {
                    progress = true;
                }
            }
        }
    }

    /** Takes the stream's next entry if it fits in the budget. */
    private static boolean take(Pending pending, int[] budget) {
        if (!pending.hasNext()) {
            return false;
        }
        int cost = 0;
        if (!pending.charged) {
            cost += EncodedSize.partHeader(pending.owner.owner());
        }
        cost += pending.head().encodedSize();
        if (cost > budget[0]) {
            return false;
        }
        budget[0] -= cost;
        pending.charged = true;
        pending.takeHead();
        return true;
    }
}
