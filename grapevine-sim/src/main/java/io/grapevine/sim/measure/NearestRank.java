package io.grapevine.sim.measure;

/** The nearest-rank quantile: the ceil(q · n)-th smallest of n sorted values. Stateless. */
public final class NearestRank {
    private NearestRank() {
    }

    /** The {@code q}-quantile (0..1) of {@code sorted} (ascending), or NaN when it is empty. */
    public static double of(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
