package io.grapevine.sim.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one scenario run: who ran what, whether the scenario's outcome was reached,
 * the trace fingerprint, and every measurement in a fixed order (the same names, in the same
 * order, for every run of one scenario).
 *
 * @param scenario scenario name
 * @param nodes cluster size
 * @param seed the run's seed
 * @param outcomeReached whether the scenario's outcome (convergence, detection, ...) was reached
 *     within the observation window
 * @param traceHash fingerprint of everything the simulator delivered
 * @param measurements the measurements, unmodifiable
 * @param notes explanations for people, e.g. the first false failure verdicts ("who declared
 *     whom dead, on whose word"); unmodifiable, often empty
 */
public record RunResult(String scenario, int nodes, long seed, boolean outcomeReached, long traceHash,
                        List<Measurement> measurements, List<String> notes) {
    /** Copies the lists. */
    public RunResult {
        measurements = List.copyOf(measurements);
        notes = List.copyOf(notes);
    }

    /** The value of measurement {@code name}; throws if the run has no such measurement. */
    public double value(String name) {
        for (Measurement m : measurements) {
            if (m.name().equals(name)) {
                return m.value();
            }
        }
        throw new IllegalArgumentException("no measurement named " + name + " in " + scenario);
    }

    /** The trace fingerprint as 16 hex digits. */
    public String traceHashHex() {
        return String.format("%016x", traceHash);
    }

    /** Collects measurements in order, then builds the result. Not thread-safe. */
    public static final class Builder {
        private final String scenario;
        private final int nodes;
        private final long seed;
        private final List<Measurement> measurements = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        /** A builder for one run of {@code scenario}. */
        public Builder(String scenario, int nodes, long seed) {
            this.scenario = scenario;
            this.nodes = nodes;
            this.seed = seed;
        }

        /** Appends a measurement. */
        public Builder add(String name, String unit, double value) {
            measurements.add(new Measurement(name, unit, value));
            return this;
        }

        /** Appends explanations. */
        public Builder notes(List<String> more) {
            notes.addAll(more);
            return this;
        }

        /** The result. */
        public RunResult build(boolean outcomeReached, long traceHash) {
            return new RunResult(scenario, nodes, seed, outcomeReached, traceHash, measurements, notes);
        }
    }
}
