package io.grapevine.core.membership;

import io.grapevine.core.base.Hash64;
import io.grapevine.core.base.MemberStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * This node's view of the zones: which members share its zone, and which members of each zone
 * are its <em>links</em>, the {@code crossZoneLinks} ALIVE members of the zone with the lowest
 * {@link #linkHash link hash} (a suspect, dead or left link is replaced at the next refresh by
 * the next one in hash order). Every node computes the same links from the same membership,
 * without any message. A member whose zone is not yet known counts as in this node's zone.
 *
 * <p>Without a zone ({@link ZoneConfig#zoned()} false) the view is flat: every member is local
 * and nothing is ever computed. Lists are in table (name) order and unmodifiable, so no hash
 * order leaks into a trace. Confined to the node's thread.
 */
public final class ZoneView {
    private static final Comparator<Ranked> BY_LINK_HASH_THEN_NAME = Comparator
            .comparingLong(Ranked::hash).thenComparing(r -> r.entry().name());

    /** A member with its link hash, for choosing a zone's links. */
    private record Ranked(long hash, MemberEntry entry) {
    }

    private final ZoneConfig config;
    private final MemberTable table;
    private final MemberEntry self;
    private final ZoneDirectory directory;
    private final Map<String, String> zoneByName = new HashMap<>(); // looked up, never iterated
    private List<MemberEntry> local = List.of();
    private List<MemberEntry> localLinks = List.of();
    private List<MemberEntry> partners = List.of();
    private List<List<MemberEntry>> otherZonesLinks = List.of();
    private Set<String> partnerNames = Set.of();
    private List<String> probedAcross = List.of();
    private List<String> suspectsAcross = List.of();
    private Map<String, List<String>> linkNames = Map.of();
    private boolean link;
    private boolean computed;
    private long stamp;
    private long zonesEpoch = Long.MIN_VALUE;
    private long lastRefreshNanos;

    /** The view of {@code self} in {@code table}, reading zones from {@code directory}. */
    public ZoneView(ZoneConfig config, MemberTable table, MemberEntry self, ZoneDirectory directory) {
        this.config = config;
        this.table = table;
        this.self = self;
        this.directory = directory;
    }

    /** The link hash of {@code member} in {@code zone}: lower hashes are chosen first. */
    public static long linkHash(String zone, String member) {
        return Hash64.mix(Hash64.of(zone) * 31 + Hash64.of(member));
    }

    /** True when this node has no zone: every member is local and samplers pick from the whole table. */
    public boolean flat() {
        return !config.zoned();
    }

    /** This node's zone ("" when flat). */
    public String zone() {
        return config.zone();
    }

    /** The zone configuration. */
    public ZoneConfig config() {
        return config;
    }

    /**
     * Recomputes the view if membership or a published zone changed since the last time and
     * {@code linkRefreshNanos} has passed ({@code force}: at once). O(N log N) when it runs.
     */
    public void refresh(long nowNanos, boolean force) {
        if (flat()) {
            return;
        }
        long current = table.viewHash() * 31 + directory.epoch();
        if (computed && current == stamp) {
            return;
        }
        if (computed && !force && nowNanos - lastRefreshNanos < config.linkRefreshNanos()) {
            return;
        }
        recompute();
        stamp = current;
        lastRefreshNanos = nowNanos;
        computed = true;
    }

    private void recompute() {
        if (directory.epoch() != zonesEpoch || zoneByName.size() > 2 * table.size() + 16) {
            zoneByName.clear();
            zonesEpoch = directory.epoch();
        }
        List<MemberEntry> mine = new ArrayList<>();
        TreeMap<String, List<Ranked>> aliveByZone = new TreeMap<>();
        for (MemberEntry entry : table.entries()) {
            String zone = zoneOf(entry);
            if (entry != self && zone.equals(config.zone())) {
                mine.add(entry);
            }
            if (entry.status() == MemberStatus.ALIVE) {
                aliveByZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(new Ranked(linkHash(zone, entry.name()), entry));
            }
        }
        List<List<MemberEntry>> others = new ArrayList<>();
        List<MemberEntry> myLinks = List.of();
        TreeMap<String, List<String>> namesByZone = new TreeMap<>();
        for (Map.Entry<String, List<Ranked>> zone : aliveByZone.entrySet()) {
            List<Ranked> members = zone.getValue();
            members.sort(BY_LINK_HASH_THEN_NAME);
            List<MemberEntry> links = new ArrayList<>(config.crossZoneLinks());
            for (int i = 0; i < Math.min(config.crossZoneLinks(), members.size()); i++) {
                links.add(members.get(i).entry());
            }
            links = List.copyOf(links);
            List<String> names = new ArrayList<>(links.size());
            for (MemberEntry entry : links) {
                names.add(entry.name());
            }
            namesByZone.put(zone.getKey(), List.copyOf(names));
            if (zone.getKey().equals(config.zone())) {
                myLinks = links;
            } else {
                others.add(links);
            }
        }
        link = myLinks.contains(self);
        List<MemberEntry> mineLinks = new ArrayList<>(myLinks);
        mineLinks.remove(self);
        local = List.copyOf(mine);
        localLinks = List.copyOf(mineLinks);
        otherZonesLinks = List.copyOf(others);
        List<MemberEntry> mates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (link) {
            for (List<MemberEntry> links : others) {
                mates.addAll(links);
                for (MemberEntry entry : links) {
                    names.add(entry.name());
                }
            }
        }
        partners = List.copyOf(mates);
        List<String> across = new ArrayList<>(names.size());
        for (MemberEntry entry : mates) {
            across.add(entry.name());
        }
        List<String> suspects = new ArrayList<>();
        if (link) {
            for (MemberEntry entry : table.entries()) {
                if (entry.status() == MemberStatus.SUSPECT && !zoneOf(entry).equals(config.zone())) {
                    suspects.add(entry.name());
                }
            }
        }
        suspectsAcross = List.copyOf(suspects);
        probedAcross = List.copyOf(across);
        linkNames = java.util.Collections.unmodifiableMap(namesByZone);
        partnerNames = names;
    }

    /** The zone of {@code entry}: its published zone, or this node's while none is known. */
    public String zoneOf(MemberEntry entry) {
        if (entry == self || flat()) {
            return config.zone();
        }
        String zone = zoneByName.get(entry.name());
        if (zone == null) {
            zone = directory.zoneOf(entry.name());
            if (zone.isEmpty()) {
                return config.zone(); // not known yet: not cached, asked again next time
            }
            zoneByName.put(entry.name(), zone);
        }
        return zone;
    }

    /** Whether {@code entry} is in this node's zone (always, when flat). */
    public boolean local(MemberEntry entry) {
        return flat() || zoneOf(entry).equals(config.zone());
    }

    /** Whether the member named {@code name} is in this node's zone (an unknown name counts as local). */
    public boolean localName(String name) {
        if (flat()) {
            return true;
        }
        MemberEntry entry = table.get(name);
        return entry == null || local(entry);
    }

    /** Whether this node may talk to {@code entry} on its own initiative: a local member or, if this node is a link, another zone's link. */
    public boolean reaches(MemberEntry entry) {
        return flat() || local(entry) || partnerNames.contains(entry.name());
    }

    /** The other zones' links a link probes in turn across zones; empty unless this node is a link. */
    public List<String> probedAcross() {
        return probedAcross;
    }

    /**
     * The members of other zones this node, a link, holds SUSPECT: probed across zones before
     * the links, so a suspicion raised during a cut reaches the suspect, which refutes, as soon
     * as the network heals. Empty unless this node is a link.
     */
    public List<String> suspectsAcross() {
        return suspectsAcross;
    }

    /** Whether this node, a link, probes {@code entry} across zones (see {@link #probedAcross()}, {@link #suspectsAcross()}). */
    public boolean probesAcross(MemberEntry entry) {
        return link && entry.status().isLive() && !local(entry)
                && (partnerNames.contains(entry.name()) || entry.status() == MemberStatus.SUSPECT);
    }

    /** Whether this node is one of its zone's links (never when flat). */
    public boolean isLink() {
        return link;
    }

    /** The members of this node's zone other than itself, any status, in table order. */
    public List<MemberEntry> local() {
        return local;
    }

    /** The other links of this node's zone. */
    public List<MemberEntry> localLinks() {
        return localLinks;
    }

    /** Every other zone's links when this node is a link; else empty. */
    public List<MemberEntry> partners() {
        return partners;
    }

    /** Every zone's links as last computed, this node's zone included, by zone name; empty when flat. */
    public Map<String, List<String>> linksByZone() {
        return linkNames;
    }

    /** The links of each other zone (one list per zone, zones in name order), whether or not this node is a link. */
    public List<List<MemberEntry>> otherZonesLinks() {
        return otherZonesLinks;
    }
}
