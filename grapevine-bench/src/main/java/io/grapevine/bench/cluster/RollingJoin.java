package io.grapevine.bench.cluster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one rolling-join run (S1ROLL): for each joiner, the runner's clock just
 * before it told the joiner to join, and the moment the last member running before it first
 * reported it live. Joiners are 1..N-1 and are recorded in order; a joiner's interval is from
 * its join to that last report; the total is the sum of the intervals (the time spent joining,
 * without the start-up of each next node), the span is from joiner 1's join to the moment the
 * last recorded joiner was in (wall clock, start-ups included). Used by one scenario thread.
 */
final class RollingJoin {
    private final List<Long> joinedAt = new ArrayList<>();
    private final List<Long> inAt = new ArrayList<>();

    /** The joiner whose join is to be recorded next: 1, 2, ... */
    int nextJoiner() {
        return joinedAt.size() + 1;
    }

    /**
     * Records that {@code joiner} was told to join at {@code atMillis}.
     *
     * @throws IllegalStateException if it is not the next joiner, or the previous one is not in yet
     */
    void joined(int joiner, long atMillis) {
        if (joiner != nextJoiner() || inAt.size() != joinedAt.size()) {
            throw new IllegalStateException("joiner " + joiner + " out of turn: next is " + nextJoiner()
                    + (inAt.size() == joinedAt.size() ? "" : ", once joiner " + joinedAt.size() + " is in"));
        }
        joinedAt.add(atMillis);
    }

    /**
     * Records that the current joiner is in: {@code seenBy} maps each member 0..joiner-1 to the
     * moment it first reported the joiner live; the joiner is in when the last of them did.
     *
     * @throws IllegalStateException if no join is pending, or a member is missing
     */
    void seenByAll(int joiner, Map<Integer, Long> seenBy) {
        if (joiner != joinedAt.size() || inAt.size() == joinedAt.size()) {
            throw new IllegalStateException("joiner " + joiner + " has no pending join");
        }
        for (int member = 0; member < joiner; member++) {
            if (!seenBy.containsKey(member)) {
                throw new IllegalStateException("member " + member + " has not seen joiner " + joiner);
            }
        }
        long last = seenBy.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        inAt.add(last);
    }

    /** Per joiner that is in, in joiner order: millis from its join until every earlier member saw it. */
    List<Double> perJoinerMillis() {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < inAt.size(); i++) {
            times.add((double) (inAt.get(i) - joinedAt.get(i)));
        }
        return times;
    }

    /** The per-joiner intervals summed: millis spent joining, start-ups between joiners excluded. */
    double totalMillis() {
        return perJoinerMillis().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Millis from the first join until the last joiner recorded was in (wall clock); 0 before any is in. */
    double spanMillis() {
        return inAt.isEmpty() ? 0 : inAt.get(inAt.size() - 1) - joinedAt.get(0);
    }

    /** The clock of joiner 1's join, the start of the run's measured span (false positives count from it). */
    long firstJoinMillis() {
        if (joinedAt.isEmpty()) {
            throw new IllegalStateException("no joiner has joined");
        }
        return joinedAt.get(0);
    }

    /** The run's figures once all {@code joiners} are in; none if fewer are. */
    Map<BenchScenario.Metric, List<Double>> figures(int joiners) {
        Map<BenchScenario.Metric, List<Double>> figures = new EnumMap<>(BenchScenario.Metric.class);
        if (inAt.size() == joiners) {
            figures.put(BenchScenario.Metric.ROLL_JOINER, perJoinerMillis());
            figures.put(BenchScenario.Metric.ROLL_TOTAL, List.of(totalMillis()));
            figures.put(BenchScenario.Metric.ROLL_SPAN, List.of(spanMillis()));
        }
        return figures;
    }
}
