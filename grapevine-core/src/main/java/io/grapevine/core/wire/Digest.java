package io.grapevine.core.wire;

import io.grapevine.core.base.KeyPriority;
import java.util.List;

/**
 * A Scuttlebutt digest: for every stream a node holds, the owner's life and its watermark.
 * Small (one row per owner and class), it tells a peer exactly which entries to send.
 *
 * @param entries the rows, in the sender's (deterministic) order
 */
public record Digest(List<DigestEntry> entries) {
    /** Freezes the rows. */
    public Digest {
        entries = List.copyOf(entries);
    }

    /**
     * A 64-bit hash of the rows, independent of their order: equal digests have equal
     * summaries, so two holders can tell they are in sync from 8 bytes (a summary SYN).
     * Owner name, generation, class, watermark and forgotten-tombstone version all count.
     */
    public long summary() {
        long sum = 0;
        for (DigestEntry entry : entries) {
            long h = 0xcbf29ce484222325L;
            String name = entry.owner().name();
            for (int i = 0; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * 0x100000001b3L;
            }
            h = mix(h ^ entry.owner().generation());
            h = mix(h ^ entry.priority().ordinal());
            h = mix(h ^ entry.maxVersion());
            sum += mix(h ^ entry.gcVersion());
        }
        return sum;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
