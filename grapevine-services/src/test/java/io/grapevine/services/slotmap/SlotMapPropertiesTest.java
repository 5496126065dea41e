package io.grapevine.services.slotmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.grapevine.core.base.Bytes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The epoch rule and the announcement codec, as properties. */
class SlotMapPropertiesTest {
    /** One node's claim: a name index 0..5, a config epoch 0..4 (collisions likely), a range. */
    private record Claim(int node, long epoch, int first, int length) {
        String name() {
            return "n" + node;
        }
    }

    private static Gen<Claim> claims() {
        return integers().between(0, 5).zip(longs().between(0, 4), integers().between(0, KeySlot.SLOTS - 1),
                integers().between(1, 3000), Claim::new);
    }

    /** Each node's announcement: the union of its claims' ranges, with its highest claim epoch. */
    private static Map<String, Announcement> announce(List<Claim> claims) {
        Map<String, BitSet> bits = new HashMap<>();
        Map<String, Long> epochs = new HashMap<>();
        for (Claim c : claims) {
            int last = Math.min(KeySlot.SLOTS - 1, c.first() + c.length() - 1);
            bits.computeIfAbsent(c.name(), k -> new BitSet()).set(c.first(), last + 1);
            epochs.merge(c.name(), c.epoch(), Math::max);
        }
        Map<String, Announcement> out = new HashMap<>();
        for (String name : bits.keySet()) {
            out.put(name, new Announcement(epochs.get(name), epochs.get(name), "", 0,
                    SlotRange.fromBits(bits.get(name)), new TreeSet<>()));
        }
        return out;
    }

    @Test
    void eachSlotGoesToTheHighestEpochAndEqualEpochsToTheLowerName() {
        qt().withFixedSeed(31L).withExamples(300).forAll(lists().of(claims()).ofSizeBetween(1, 8))
                .checkAssert(list -> {
                    Map<String, Announcement> announcements = announce(list);
                    SlotMapView view = SlotMapView.resolve(announcements);
                    for (int slot = 0; slot < KeySlot.SLOTS; slot += 37) {
                        Optional<String> expected = Optional.empty();
                        long best = -1;
                        for (String name : new TreeSet<>(announcements.keySet())) {
                            Announcement a = announcements.get(name);
                            int s = slot;
                            if (a.claims().stream().anyMatch(r -> r.contains(s)) && a.configEpoch() > best) {
                                best = a.configEpoch();
                                expected = Optional.of(name);
                            }
                        }
                        assertThat(view.owner(slot)).isEqualTo(expected);
                    }
                });
    }

    @Test
    void resolutionDoesNotDependOnTheOrderAnnouncementsArriveIn() {
        qt().withFixedSeed(32L).withExamples(200).forAll(lists().of(claims()).ofSizeBetween(1, 8))
                .checkAssert(list -> {
                    List<Claim> reversed = new ArrayList<>(list);
                    Collections.reverse(reversed);
                    assertThat(SlotMapView.resolve(announce(reversed)).sameOwners(SlotMapView.resolve(announce(list))))
                            .isTrue();
                });
    }

    @Test
    void resolvingOnTopOfAnEarlierViewGivesWhatResolvingAfreshGives() {
        qt().withFixedSeed(36L).withExamples(200)
                .forAll(lists().of(claims()).ofSizeBetween(1, 8), lists().of(claims()).ofSizeBetween(1, 8))
                .checkAssert((earlier, later) -> {
                    SlotMapView before = SlotMapView.resolve(announce(earlier));
                    SlotMapView fresh = SlotMapView.resolve(announce(later));
                    SlotMapView reused = SlotMapView.resolve(announce(later), before);
                    SlotMapView same = SlotMapView.resolve(announce(later), fresh);
                    assertThat(reused.sameOwners(fresh)).isTrue();
                    assertThat(reused.nodes()).isEqualTo(fresh.nodes());
                    assertThat(same.sameOwners(fresh)).isTrue();
                    assertThat(same.nodes()).isEqualTo(fresh.nodes());
                });
    }

    @Test
    void aClaimWithAHigherEpochThanEveryOtherWinsAllItsSlots() {
        qt().withFixedSeed(33L).withExamples(200)
                .forAll(lists().of(claims()).ofSizeBetween(1, 8), integers().between(0, KeySlot.SLOTS - 1))
                .checkAssert((list, slot) -> {
                    Map<String, Announcement> announcements = announce(list);
                    long top = announcements.values().stream().mapToLong(Announcement::configEpoch).max().orElse(0);
                    announcements.put("zz", new Announcement(top + 1, top + 1, "", 0, List.of(SlotRange.of(slot)),
                            new TreeSet<>()));
                    assertThat(SlotMapView.resolve(announcements).owner(slot)).contains("zz");
                });
    }

    @Test
    void announcementsRoundTripAndArbitraryBytesNeverThrow() {
        qt().withFixedSeed(34L).withExamples(300).forAll(lists().of(claims()).ofSizeBetween(1, 6))
                .checkAssert(list -> {
                    for (Announcement a : announce(list).values()) {
                        Announcement withPfail = new Announcement(a.currentEpoch() + 2, a.configEpoch(), "n9", 77,
                                a.claims(), new TreeSet<>(List.of("n1", "n2")));
                        byte[] encoded = withPfail.encode();
                        assertThat(Announcement.decode(Bytes.copyOf(encoded))).contains(withPfail);
                        for (int cut = 0; cut < encoded.length; cut += 3) {
                            assertThat(Announcement.decode(Bytes.copyOf(encoded, 0, cut))).isEmpty();
                        }
                    }
                });
        qt().withFixedSeed(35L).withExamples(500).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 80))
                .checkAssert(ints -> {
                    byte[] bytes = new byte[ints.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) ints.get(i);
                    }
                    Announcement.decode(Bytes.copyOf(bytes));
                    VoteMessage.decode(Bytes.copyOf(bytes));
                });
    }
}
