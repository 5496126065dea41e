package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HistoryTest {
    @Property(tries = 300)
    void keepsTheLastCapacityTransitionsInOrder(@ForAll @IntRange(min = 0, max = 40) int capacity,
                                                @ForAll @IntRange(min = 0, max = 100) int count) {
        History history = new History(capacity);
        List<Transition> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Transition t = new Transition(i, Change.UPDATED, MemberStatus.ALIVE, i, 1, "x", "");
            all.add(t);
            history.add(t);
        }
        assertThat(history.toList()).isEqualTo(all.subList(Math.max(0, count - capacity), count));
    }
}
