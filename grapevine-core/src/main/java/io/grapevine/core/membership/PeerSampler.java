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
 *
 * <p>With a zone ({@link ZoneView#flat()} false) the same rule runs over the members of this
 * node's zone instead of the whole table, and {@link CrossZone} says which members of other
 * zones (always links) come first, before the local picks; a flat view takes the whole-table
 * path unchanged, draw for draw.
 */
public final class PeerSampler {
    private final MemberTable table;
    private final MemberEntry self;
    private final RandomSource random;
    private final ZoneView zones;
    private final CrossZone crossZone;

    /** A flat sampler over {@code table} that never picks {@code self}. */
    public PeerSampler(MemberTable table, MemberEntry self, RandomSource random) {
        this(table, self, random, new ZoneView(ZoneConfig.defaults(), table, self, ZoneDirectory.NONE), CrossZone.NONE);
    }

    /** A sampler that picks within {@code zones}' zone and crosses zones as {@code crossZone} says. */
    public PeerSampler(MemberTable table, MemberEntry self, RandomSource random, ZoneView zones, CrossZone crossZone) {
        this.table = table;
        this.self = self;
        this.random = random;
        this.zones = zones;
        this.crossZone = crossZone;
    }

    /** Up to {@code count} distinct members other than self that satisfy {@code eligible}. */
    public List<MemberEntry> sample(int count, Predicate<MemberEntry> eligible) {
        if (!zones.flat()) {
            return sampleZoned(count, eligible);
        }
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

    private List<MemberEntry> sampleZoned(int count, Predicate<MemberEntry> eligible) {
        List<MemberEntry> chosen = new ArrayList<>();
        if (count <= 0) {
            return chosen;
        }
        switch (crossZone) {
            case NONE -> { }
            case PARTNER_IF_LINK -> addOne(zones.partners(), eligible, chosen);
            case EACH_ZONE -> {
                for (List<MemberEntry> links : zones.otherZonesLinks()) {
                    addOne(links, eligible, chosen);
                }
            }
            default -> throw new IllegalStateException("unhandled " + crossZone);
        }
        List<MemberEntry> local = zones.local();
        if (local.size() <= count) {
            for (MemberEntry entry : local) {
                if (eligible.test(entry)) {
                    chosen.add(entry);
                }
            }
            return chosen;
        }
        int wanted = chosen.size() + count;
        for (int attempt = 0; attempt < 3 * count + 8 && chosen.size() < wanted; attempt++) {
            MemberEntry entry = local.get(random.nextInt(local.size()));
            if (eligible.test(entry) && !chosen.contains(entry)) {
                chosen.add(entry);
            }
        }
        return chosen;
    }

    /** Adds one eligible member of {@code candidates}, drawn at random (a few tries), to {@code chosen}. */
    private void addOne(List<MemberEntry> candidates, Predicate<MemberEntry> eligible, List<MemberEntry> chosen) {
        for (int attempt = 0; attempt < 2 * candidates.size(); attempt++) {
            MemberEntry entry = candidates.get(random.nextInt(candidates.size()));
            if (eligible.test(entry) && !chosen.contains(entry)) {
                chosen.add(entry);
                return;
            }
        }
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

    /**
     * One member this node holds {@code DEAD} (not left), drawn at random, or {@code null} when
     * there is none (or none was drawn): a reconnect's target.
     */
    public MemberEntry oneDead() {
        List<MemberEntry> one = sample(1, entry -> entry.status() == io.grapevine.core.base.MemberStatus.DEAD);
        return one.isEmpty() ? null : one.get(0);
    }

    /** The zone view this sampler reads (flat when the node has no zone). */
    public ZoneView zones() {
        return zones;
    }
}
