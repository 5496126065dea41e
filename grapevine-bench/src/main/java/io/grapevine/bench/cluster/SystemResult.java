package io.grapevine.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every measured run of one scenario on one system.
 *
 * @param system the system's name
 * @param mode how its nodes ran ({@code processes}, {@code in-jvm}, {@code agents})
 * @param runs the measured runs (warm-up runs excluded)
 */
public record SystemResult(String system, String mode, List<RunOutcome> runs) {
    /** Freezes the list. */
    public SystemResult {
        runs = List.copyOf(runs);
    }

    /** The summary of {@code metric} over the runs that measured it, if any did. */
    public Optional<Quantiles> summary(BenchScenario.Metric metric) {
        List<Double> values = new ArrayList<>();
        for (RunOutcome run : runs) {
            Double value = run.values().get(metric);
            if (value != null) {
                values.add(value);
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Quantiles.of(values));
    }

    /** Runs that timed out. */
    public long timeouts() {
        return runs.stream().filter(RunOutcome::timedOut).count();
    }

    /** Healthy members falsely suspected, summed over runs. */
    public int falselySuspected() {
        return runs.stream().mapToInt(RunOutcome::falselySuspected).sum();
    }

    /** Healthy members falsely declared dead, summed over runs. */
    public int falselyDead() {
        return runs.stream().mapToInt(RunOutcome::falselyDead).sum();
    }

    /** Values of {@code metric} per run, in run order (missing ones skipped). */
    public List<Double> values(BenchScenario.Metric metric) {
        return runs.stream().map(r -> r.values().get(metric)).filter(v -> v != null).toList();
    }

}
