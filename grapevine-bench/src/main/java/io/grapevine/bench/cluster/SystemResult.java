package io.grapevine.bench.cluster;

import java.util.List;
import java.util.Optional;

/**
 * Every measured run of one scenario on one system, and how that system was set up.
 *
 * @param system the system's name
 * @param setup how its nodes were configured, started and joined
 * @param runs the measured runs (warm-up runs excluded)
 */
public record SystemResult(String system, SystemSetup setup, List<RunOutcome> runs) {
    /** Freezes the list. */
    public SystemResult {
        runs = List.copyOf(runs);
    }

    /** How its nodes ran ({@code processes}, {@code in-jvm}, {@code agents}). */
    public String mode() {
        return setup.mode();
    }

    /** The summary of {@code metric} over every value the runs measured (pooled), if any did. */
    public Optional<Quantiles> summary(BenchScenario.Metric metric) {
        List<Double> values = values(metric);
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

    /** Values of {@code metric}, run after run (each run's in its own order; missing ones skipped). */
    public List<Double> values(BenchScenario.Metric metric) {
        return runs.stream().flatMap(r -> r.samples().getOrDefault(metric, List.of()).stream()).toList();
    }
}
