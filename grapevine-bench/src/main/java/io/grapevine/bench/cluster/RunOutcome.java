package io.grapevine.bench.cluster;

import java.util.EnumMap;
import java.util.Map;

/**
 * One run of one scenario on one system.
 *
 * @param values the figures measured (a figure is missing if the run timed out before it)
 * @param falselySuspected healthy members that some node reported suspect during the run
 * @param falselyDead healthy members that some node reported dead (a false positive)
 * @param timedOut true if some node never reached the condition before the deadline, or the run failed
 */
public record RunOutcome(Map<BenchScenario.Metric, Double> values, int falselySuspected, int falselyDead,
                         boolean timedOut) {
    /** Freezes the map. */
    public RunOutcome {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }
}
