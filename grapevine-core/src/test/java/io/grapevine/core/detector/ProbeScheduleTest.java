package io.grapevine.core.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    @Test
    void everyMemberIsProbedWithinTwoRounds() {
        Properties.qt(200).forAll(Gens.ints(1, 200), Gens.anyLong()).checkAssert((n, seed) -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add("m" + i);
            }
            ProbeSchedule schedule = new ProbeSchedule();
            SplitMix64 random = new SplitMix64(seed);
            Map<String, Integer> lastProbe = new HashMap<>();
            int maxGap = 0;
            for (int period = 0; period < 6 * n; period++) {
                String name = schedule.next(m -> true, () -> members, random);
                Integer previous = lastProbe.put(name, period);
                int gap = previous == null ? period + 1 : period - previous;
                maxGap = Math.max(maxGap, gap);
            }
            assertThat(lastProbe).hasSize(n);
            assertThat(maxGap).isLessThanOrEqualTo(2 * n - 1);
        });
    }

    @Test
    void aMemberAddedMidRoundIsProbedBeforeTheRoundEnds() {
        Properties.qt(100).forAll(Gens.ints(2, 100), Gens.anyLong()).checkAssert((n, seed) -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add("m" + i);
            }
            ProbeSchedule schedule = new ProbeSchedule();
            SplitMix64 random = new SplitMix64(seed);
            schedule.next(m -> true, () -> members, random);
            schedule.insert("new", random);
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rest.add(schedule.next(m -> true, () -> members, random));
            }
            assertThat(rest).contains("new");
        });
    }

    @Test
    void ineligibleMembersAreSkipped() {
        Properties.qt(50).forAll(Gens.ints(2, 50), Gens.anyLong()).checkAssert((n, seed) -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add("m" + i);
            }
            ProbeSchedule schedule = new ProbeSchedule();
            SplitMix64 random = new SplitMix64(seed);
            for (int i = 0; i < 3 * n; i++) {
                assertThat(schedule.next(m -> !m.equals("m0"), () -> members, random)).isNotEqualTo("m0");
            }
            assertThat(schedule.next(m -> false, () -> members, random)).isNull();
        });
    }
}
