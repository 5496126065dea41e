package io.grapevine.bench.cluster;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one scenario on one system.
 *
 * @param samples the figures measured, each a list: one value for most figures, one per joiner for
 *                the rolling join's per-joiner figure (a figure is missing if the run timed out before it)
 * @param falselySuspected healthy members that some node reported suspect during the run
 * @param falselyDead healthy members that some node reported dead (a false positive)
 * @param timedOut true if some node never reached the condition before the deadline, or the run failed
 */
public record RunOutcome(Map<BenchScenario.Metric, List<Double>> samples, int falselySuspected, int falselyDead,
                         boolean timedOut) {
    /** Freezes the map and its lists. */
    public RunOutcome {
        Map<BenchScenario.Metric, List<Double>> copy = new EnumMap<>(BenchScenario.Metric.class);
        samples.forEach((metric, values) -> copy.put(metric, List.copyOf(values)));
        samples = copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }

    /** A failed run: no figures, counted as timed out. */
    public static RunOutcome failed() {
        return new RunOutcome(Map.of(), 0, 0, true);
    }

    /** The figures in report order, for progress lines. */
    public Map<BenchScenario.Metric, List<Double>> ordered() {
        Map<BenchScenario.Metric, List<Double>> ordered = new EnumMap<>(BenchScenario.Metric.class);
        ordered.putAll(samples);
        return ordered;
    }
}
