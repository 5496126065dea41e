package io.grapevine.core.detector;

import io.grapevine.core.base.RandomSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * SWIM's randomized round-robin probe order: each round visits every member once in a fresh
 * random order, so every member is probed within two rounds (at most {@code 2N - 1} probe
 * periods), and a member that joins mid-round is inserted at a random place still ahead.
 */
public final class ProbeSchedule {
    private final List<String> order = new ArrayList<>();
    private int index;

    /**
     * The next member to probe, skipping those {@code eligible} refuses; starts a new round
     * from {@code candidates} (asked only then) when the current one is done. Returns {@code null} when no
     * member is eligible.
     */
    public String next(Predicate<String> eligible, Supplier<? extends Collection<String>> candidates,
                       RandomSource random) {
        for (int rebuilds = 0; rebuilds < 2; rebuilds++) {
            while (index < order.size()) {
                String name = order.get(index++);
                if (eligible.test(name)) {
                    return name;
                }
            }
            order.clear();
            order.addAll(candidates.get()); // O(N), once per round
            shuffle(random);
            index = 0;
        }
        return null;
    }

    /**
     * Inserts a newly known member at a random position among those not yet probed this
     * round: appended, then swapped with a uniformly chosen not-yet-probed slot. O(1).
     */
    public void insert(String name, RandomSource random) {
        order.add(name);
        int last = order.size() - 1;
        int position = index + random.nextInt(last - index + 1);
        order.set(last, order.get(position));
        order.set(position, name);
    }

    private void shuffle(RandomSource random) {
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
    }
}
