package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    @Test
    void keepsTheLastCapacityTransitionsInOrder() {
        Properties.qt(300).forAll(Gens.ints(0, 40), Gens.ints(0, 100)).checkAssert((capacity, count) -> {
            History history = new History(capacity);
            List<Transition> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Transition t = new Transition(i, Change.UPDATED, MemberStatus.ALIVE, i, 1, "x", "");
                all.add(t);
                history.add(t);
            }
            assertThat(history.toList()).isEqualTo(all.subList(Math.max(0, count - capacity), count));
        });
    }
}
