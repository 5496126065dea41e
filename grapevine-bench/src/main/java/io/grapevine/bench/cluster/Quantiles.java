package io.grapevine.bench.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * Median, p90 and max of a sample. Quantiles interpolate linearly between the two closest
 * ranks (Hyndman and Fan's type 7, the default of R and NumPy): for sorted values
 * {@code x[0..n-1]} the q-quantile is {@code x[h] + (h - floor(h)) (x[h+1] - x[h])} with
 * {@code h = (n - 1) q}. So the median of an even sample is the mean of the middle two, and
 * with fewer than 11 runs p90 lies between the two largest values.
 *
 * @param count values summarised
 * @param median the 0.5-quantile
 * @param p90 the 0.9-quantile
 * @param max the largest value
 */
public record Quantiles(int count, double median, double p90, double max) {

    /** Summarises {@code values}; throws if empty or if any is not finite. */
    public static Quantiles of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        for (double value : sorted) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite: " + value);
            }
        }
        Arrays.sort(sorted);
        return new Quantiles(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.9), sorted[sorted.length - 1]);
    }

    /** The {@code q}-quantile (0..1) of an ascending, non-empty array. */
    static double quantile(double[] sorted, double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be in 0..1: " + q);
        }
        double h = (sorted.length - 1) * q;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
