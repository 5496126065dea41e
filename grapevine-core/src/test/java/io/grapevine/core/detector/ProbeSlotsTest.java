package io.grapevine.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeSlotsTest {
    private static final long SECOND = 1_000_000_000L;

    /** One node's view: its own table (the same members as every other's, in its own order). */
    private record View(String self, MemberTable table, ProbeSlots slots) {
        String target(long slot) {
            MemberEntry chosen = slots.target(slot, table, table.get(self), null);
            return chosen == null ? null : chosen.name();
        }
    }

    private static NodeId id(int i) {
        return new NodeId("node-" + i, new Address("10.0.0." + (i % 250 + 1), 7000 + i), 1);
    }

    /** N views of the same N members, each table filled in a different order (a rotation) (tables differ in layout, not content). */
    private static List<View> views(int n) {
        List<View> views = new ArrayList<>();
        for (int self = 0; self < n; self++) {
            MemberTable table = new MemberTable(4, 64);
            for (int k = 0; k < n; k++) {
                table.add(id((self + k) % n), 0, MemberStatus.ALIVE, 0);
            }
            String selfName = "node-" + self;
            views.add(new View(selfName, table, new ProbeSlots(e -> e.status().isLive() && !e.name().equals(selfName))));
        }
        return views;
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 8, 33, 64})
    void inEverySlotEveryMemberIsProbedByExactlyOneOtherNode(int n) {
        List<View> views = views(n);
        for (long slot = 1_000; slot < 1_000 + 3L * n; slot++) {
            Map<String, Integer> probes = new HashMap<>();
            for (View view : views) {
                String target = view.target(slot);
                assertThat(target).as("slot %d at %s", slot, view.self()).isNotNull().isNotEqualTo(view.self());
                probes.merge(target, 1, Integer::sum);
            }
            assertThat(probes).as("slot %d", slot).hasSize(n).allSatisfy((name, count) -> assertThat(count).isEqualTo(1));
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 8, 33})
    void eachRoundEveryNodeProbesEveryOtherMemberOnce(int n) {
        View view = views(n).get(n / 2);
        long others = n - 1;
        for (long round = 5; round < 8; round++) {
            Set<String> probed = new HashSet<>();
            for (long slot = round * others; slot < (round + 1) * others; slot++) {
                probed.add(view.target(slot));
            }
            assertThat(probed).hasSize(n - 1).doesNotContain(view.self());
        }
    }

    @Test
    void theOffsetsOfARoundArePermutationsThatChangeFromRoundToRound() {
        for (int others : new int[] {1, 2, 6, 7, 31, 63, 100}) {
            List<Integer> previous = null;
            int changed = 0;
            for (long round = -3; round < 20; round++) {
                List<Integer> offsets = new ArrayList<>();
                for (int place = 0; place < others; place++) {
                    offsets.add(ProbeSlots.offset(round, others, place));
                }
                assertThat(offsets).as("others %d round %d", others, round).doesNotHaveDuplicates()
                        .allSatisfy(c -> assertThat(c).isBetween(1, others));
                if (offsets.equals(previous)) {
                    continue;
                }
                changed++;
                previous = offsets;
            }
            if (others > 2) {
                assertThat(changed).as("others %d", others).isGreaterThan(10);
            }
        }
    }

    @Test
    void aMemberThatDiesLeavesTheRingAndAJoinerEntersIt() {
        MemberTable table = new MemberTable(4, 64);
        for (int i = 0; i < 5; i++) {
            table.add(id(i), 0, MemberStatus.ALIVE, 0);
        }
        MemberEntry self = table.get("node-0");
        ProbeSlots slots = new ProbeSlots(e -> e.status().isLive() && e != self);
        Set<String> before = new HashSet<>();
        for (long slot = 0; slot < 4; slot++) {
            before.add(slots.target(slot, table, self, null).name());
        }
        assertThat(before).containsExactlyInAnyOrder("node-1", "node-2", "node-3", "node-4");

        long version = table.liveSetVersion();
        table.add(id(5), 0, MemberStatus.ALIVE, 0);
        assertThat(table.liveSetVersion()).isGreaterThan(version);
        Set<String> after = new HashSet<>();
        for (long slot = 10; slot < 15; slot++) {
            after.add(slots.target(slot, table, self, null).name());
        }
        assertThat(after).contains("node-5").hasSize(5);
    }

    @Test
    void aTargetThatIsNoLongerProbeableIsNeverChosenEvenWithoutALiveSetChange() {
        MemberTable table = new MemberTable(4, 64);
        for (int i = 0; i < 4; i++) {
            table.add(id(i), 0, MemberStatus.ALIVE, 0);
        }
        MemberEntry self = table.get("node-0");
        Set<String> remote = new HashSet<>();
        ProbeSlots slots = new ProbeSlots(e -> e.status().isLive() && e != self && !remote.contains(e.name()));
        Object zones = new Object();
        slots.target(0, table, self, zones);
        remote.add("node-2"); // its zone became known: another zone's member, same live set and token
        for (long slot = 1; slot < 7; slot++) {
            MemberEntry target = slots.target(slot, table, self, zones);
            assertThat(target).isNotNull();
            assertThat(target.name()).isNotEqualTo("node-2");
        }
    }

    @Test
    void slotsFollowTheWallClockWhateverTheMonotonicOrigin() {
        long offsetA = 1_700_000_000L * SECOND - 5 * SECOND; // wall minus monotonic, two different hosts
        long offsetB = 1_700_000_000L * SECOND - 123_456_789_000L;
        long wall = 1_700_000_042L * SECOND + 300_000_000L;
        long slotA = ProbeSlots.slotOf(wall - offsetA, offsetA, SECOND);
        long slotB = ProbeSlots.slotOf(wall - offsetB, offsetB, SECOND);
        assertThat(slotA).isEqualTo(slotB).isEqualTo(1_700_000_042L);
        assertThat(ProbeSlots.slotStartNanos(slotA + 1, offsetA, SECOND) + offsetA).isEqualTo(1_700_000_043L * SECOND);
    }
}
