package io.grapevine.sim.epidemic;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Median, 90th percentile and maximum of a sample. The median of an even-sized sample is the
 * mean of the two middle values; p90 is the nearest-rank value (the ceil(0.9 n)-th smallest).
 *
 * @param count sample size
 * @param median the median
 * @param p90 the 90th percentile (nearest rank)
 * @param max the largest value
 * @param mean the arithmetic mean
 */
public record Distribution(int count, double median, double p90, double max, double mean) {
    /** The distribution of {@code values}; must not be empty. */
    public static Distribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p90 = sorted[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Distribution(n, median, p90, sorted[n - 1], sum / n);
    }

    /** The distribution of {@code metric} over {@code items}. */
    public static <T> Distribution of(List<T> items, ToDoubleFunction<T> metric) {
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = metric.applyAsDouble(items.get(i));
        }
        return of(values);
    }
}
