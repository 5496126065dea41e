package io.grapevine.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The zone view: who is local, which members are each zone's links, and how a failed link is replaced. */
class ZoneViewTest {
    private static final ZoneConfig ZONE_A = ZoneConfig.defaults().withZone("a").withCrossZoneLinks(2);

    private final MemberTable table = new MemberTable(4, 64);
    private final Map<String, String> published = new HashMap<>();
    private long epoch;
    private final ZoneDirectory directory = new ZoneDirectory() {
        @Override
        public String zoneOf(String member) {
            return published.getOrDefault(member, "");
        }

        @Override
        public long epoch() {
            return epoch;
        }
    };

    private MemberEntry add(String name, String zone) {
        MemberEntry entry = table.add(new NodeId(name, new Address("10.0.0." + (table.size() + 1), 7946), 1), 0,
                MemberStatus.ALIVE, 0);
        if (!zone.isEmpty()) {
            published.put(name, zone);
            epoch++;
        }
        return entry;
    }

    /** The {@code k} names of {@code names} with the lowest link hash in {@code zone}. */
    private static List<String> lowest(String zone, List<String> names, int k) {
        return names.stream().sorted(Comparator.comparingLong((String n) -> ZoneView.linkHash(zone, n))
                .thenComparing(n -> n)).limit(k).sorted().toList();
    }

    @Test
    void linksAreTheAliveMembersWithTheLowestHashAndAFailedOneIsReplaced() {
        MemberEntry self = add("a0", "a");
        List<String> a = IntStream.range(1, 6).mapToObj(i -> add("a" + i, "a").name()).toList();
        List<String> b = IntStream.range(0, 6).mapToObj(i -> add("b" + i, "b").name()).toList();
        ZoneView view = new ZoneView(ZONE_A, table, self, directory);
        view.refresh(0, true);

        List<String> zoneA = new java.util.ArrayList<>(a);
        zoneA.add("a0");
        assertThat(view.linksByZone().get("a").stream().sorted().toList()).isEqualTo(lowest("a", zoneA, 2));
        List<String> bLinks = lowest("b", b, 2);
        assertThat(view.linksByZone().get("b").stream().sorted().toList()).isEqualTo(bLinks);
        assertThat(view.local()).extracting(MemberEntry::name).containsExactlyElementsOf(a);
        assertThat(view.otherZonesLinks()).hasSize(1);

        // a suspect link is replaced by the next member in hash order at the next refresh
        MemberEntry failing = table.get(bLinks.get(0));
        table.update(failing, failing.id(), failing.incarnation(), MemberStatus.SUSPECT, 1);
        view.refresh(1, false); // within linkRefreshNanos: not yet
        assertThat(view.linksByZone().get("b")).contains(failing.name());
        view.refresh(ZONE_A.linkRefreshNanos() + 1, false);
        List<String> alive = b.stream().filter(n -> !n.equals(failing.name())).toList();
        assertThat(view.linksByZone().get("b").stream().sorted().toList()).isEqualTo(lowest("b", alive, 2))
                .doesNotContain(failing.name());
        // a link probes the other zones' suspects first; a member that is not a link probes nothing across
        boolean link = lowest("a", zoneA, 2).contains("a0");
        assertThat(view.isLink()).isEqualTo(link);
        assertThat(view.suspectsAcross()).isEqualTo(link ? List.of(failing.name()) : List.of());
    }

    @Test
    void aMemberWhoseZoneIsNotKnownCountsAsLocalUntilItIsPublished() {
        MemberEntry self = add("a0", "a");
        MemberEntry stranger = add("x", "");
        ZoneView view = new ZoneView(ZONE_A, table, self, directory);
        view.refresh(0, true);
        assertThat(view.local(stranger)).isTrue();
        assertThat(view.linksByZone()).containsOnlyKeys("a");

        published.put("x", "b");
        epoch++;
        view.refresh(1, true);
        assertThat(view.local(stranger)).isFalse();
        assertThat(view.linksByZone()).containsOnlyKeys("a", "b");
        // a0 is the only member of a: a link, whose partner is x
        assertThat(view.isLink()).isTrue();
        assertThat(view.reaches(stranger)).isTrue();
        assertThat(view.partners()).containsExactly(stranger);
    }

    @Test
    void aZonedSamplerPicksLocalMembersAndCrossesOnlyAsItsModeSays() {
        MemberEntry self = add("a0", "a");
        IntStream.range(1, 20).forEach(i -> add("a" + i, "a"));
        IntStream.range(0, 20).forEach(i -> add("b" + i, "b"));
        IntStream.range(0, 20).forEach(i -> add("c" + i, "c"));
        ZoneView view = new ZoneView(ZONE_A.withCrossZoneLinks(20), table, self, directory); // every member a link
        view.refresh(0, true);
        SplitMix64 random = new SplitMix64(3);
        for (int round = 0; round < 50; round++) {
            List<MemberEntry> local = new PeerSampler(table, self, random, view, CrossZone.NONE).live(5, "");
            assertThat(local).hasSize(5).allSatisfy(e -> assertThat(e.name()).startsWith("a"));
            List<MemberEntry> partner = new PeerSampler(table, self, random, view, CrossZone.PARTNER_IF_LINK).live(5, "");
            assertThat(partner).hasSize(6);
            assertThat(partner.stream().filter(e -> !e.name().startsWith("a")).count()).isEqualTo(1);
            List<MemberEntry> each = new PeerSampler(table, self, random, view, CrossZone.EACH_ZONE).live(5, "");
            assertThat(each).hasSize(7);
            assertThat(each.stream().filter(e -> e.name().startsWith("b")).count()).isEqualTo(1);
            assertThat(each.stream().filter(e -> e.name().startsWith("c")).count()).isEqualTo(1);
        }
    }
}
