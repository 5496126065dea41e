package io.grapevine.core.membership;

import io.grapevine.core.base.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Picks peers from the member table for every room that needs some: probe relays, gossip
 * targets, direct-mail recipients, anti-entropy partners. One rule: up to {@code count}
 * distinct eligible members other than self; all of them, in table order, when the table has
 * no more than {@code count} others; else uniformly random draws, at most
 * {@code 3 · count + 8} of them, so a table of mostly ineligible members yields fewer rather
 * than looping. Consumes the node's random source only in the second case.
 */
public final class PeerSampler {
    private final MemberTable table;
    private final MemberEntry self;
    private final RandomSource random;

    /** A sampler over {@code table} that never picks {@code self}. */
    public PeerSampler(MemberTable table, MemberEntry self, RandomSource random) {
        this.table = table;
        this.self = self;
        this.random = random;
    }

    /** Up to {@code count} distinct members other than self that satisfy {@code eligible}. */
    public List<MemberEntry> sample(int count, Predicate<MemberEntry> eligible) {
        List<MemberEntry> chosen = new ArrayList<>(Math.min(count, table.size()));
        if (count <= 0 || table.size() <= 1) {
            return chosen;
        }
        if (table.size() - 1 <= count) {
            for (MemberEntry entry : table.entries()) {
                if (entry != self && eligible.test(entry)) {
                    chosen.add(entry);
                }
            }
            return chosen;
        }
        for (int attempt = 0; attempt < 3 * count + 8 && chosen.size() < count; attempt++) {
            MemberEntry entry = table.random(random);
            if (entry != self && eligible.test(entry) && !chosen.contains(entry)) {
                chosen.add(entry);
            }
        }
        return chosen;
    }

    /** Up to {@code count} live (alive or suspect) members other than self and the one named {@code exclude}. */
    public List<MemberEntry> live(int count, String exclude) {
        return sample(count, entry -> entry.status().isLive() && !entry.name().equals(exclude));
    }

    /** One live member other than self, or {@code null} when there is none (or none was drawn). */
    public MemberEntry oneLive() {
        List<MemberEntry> one = live(1, "");
        return one.isEmpty() ? null : one.get(0);
    }
}
