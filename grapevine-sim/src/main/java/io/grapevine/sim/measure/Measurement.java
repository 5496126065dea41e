package io.grapevine.sim.measure;

/**
 * One number a run measured.
 *
 * @param name snake_case key used in JSON and CSV, e.g. {@code outcome_ms}
 * @param unit unit for humans, e.g. {@code ms}; empty for counts
 * @param value the value; {@link Double#NaN} when it could not be measured (an outcome never
 *     reached), written as {@code null} in JSON and empty in CSV
 */
public record Measurement(String name, String unit, double value) {
    /** Validates the name. */
    public Measurement {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name must be snake_case: " + name);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null");
        }
    }
}
