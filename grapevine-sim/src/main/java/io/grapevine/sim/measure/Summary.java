package io.grapevine.sim.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Median, 90th percentile and maximum of each measurement over several runs of one scenario.
 * Unmeasured values ({@link Double#NaN}) are left out; a measurement never measured gets NaN.
 *
 * @param name measurement name
 * @param unit its unit
 * @param count how many runs measured it
 * @param median the median (mean of the middle two for an even count)
 * @param p90 the 90th percentile by nearest rank
 * @param max the largest value
 */
public record Summary(String name, String unit, int count, double median, double p90, double max) {

    /** One summary per measurement of {@code runs}, in the runs' measurement order. */
    public static List<Summary> of(List<RunResult> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Summary> summaries = new ArrayList<>();
        for (Measurement first : runs.get(0).measurements()) {
            double[] values = runs.stream().mapToDouble(r -> r.value(first.name()))
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            summaries.add(of(first.name(), first.unit(), values));
        }
        return List.copyOf(summaries);
    }

    /** The summary of {@code sortedValues} (ascending, no NaN). */
    static Summary of(String name, String unit, double[] sortedValues) {
        int n = sortedValues.length;
        if (n == 0) {
            return new Summary(name, unit, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = Arrays.copyOf(sortedValues, n);
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
        return new Summary(name, unit, n, median, NearestRank.of(v, 0.9), v[n - 1]);
    }
}
