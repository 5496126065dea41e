package io.grapevine.core.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingWalkTest {
    @Test
    void threeReplicasTakeOneLoop() {
        RingWalk walk = RingWalk.from(List.of("a", "b", "c"), 1);
        assertThat(walk.steps()).isEqualTo(3);
        List<String> hops = new ArrayList<>();
        for (int s = 0; s < walk.steps(); s++) {
            hops.add(walk.from(s) + ">" + walk.to(s));
        }
        assertThat(hops).containsExactly("b>c", "c>a", "a>b");
    }

    /** Pair repair as set union: after the walk every replica holds what any held, and one step fewer is not enough. */
    @Test
    void afterTheWalkEveryReplicaHoldsTheUnionForAnyRingSizeAndNoShorterWalkDoes() {
        for (int k = 1; k <= 9; k++) {
            assertThat(unionEverywhere(k, RingWalk.from(names(k), k / 2).steps())).as("k = %d", k).isTrue();
            if (k > 1) {
                assertThat(unionEverywhere(k, RingWalk.from(names(k), k / 2).steps() - 1)).as("k = %d", k).isFalse();
            }
        }
    }

    private static List<String> names(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("r" + i);
        }
        return names;
    }

    private static boolean unionEverywhere(int k, int steps) {
        List<String> names = names(k);
        List<Set<Integer>> held = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            held.add(new HashSet<>(Set.of(i)));
        }
        RingWalk walk = RingWalk.from(names, k / 2);
        for (int s = 0; s < steps; s++) {
            Set<Integer> a = held.get(names.indexOf(walk.from(s)));
            Set<Integer> b = held.get(names.indexOf(walk.to(s)));
            a.addAll(b);
            b.addAll(a);
        }
        return held.stream().allMatch(replica -> replica.size() == k);
    }
}
