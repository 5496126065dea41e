package io.grapevine.sim.merkle;

import io.grapevine.sim.report.JsonWriter;
import java.util.Arrays;

/**
 * Rounds to identical replicas and bytes sent, one per seed, summarised as quantiles.
 *
 * @param rounds rounds per seed
 * @param bytes bytes per seed
 */
public record Rounds(int[] rounds, long[] bytes) {
    /** Copies the arrays. */
    public Rounds {
        rounds = rounds.clone();
        bytes = bytes.clone();
        if (rounds.length == 0 || rounds.length != bytes.length) {
            throw new IllegalArgumentException("one rounds and one bytes figure per seed, at least one");
        }
    }

    /** The {@code q}-quantile of the rounds (nearest rank). */
    public int quantile(double q) {
        int[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    /** The most rounds any seed took. */
    public int max() {
        return Arrays.stream(rounds).max().orElseThrow();
    }

    /** The median bytes. */
    public long medianBytes() {
        long[] sorted = bytes.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    JsonWriter json() {
        return new JsonWriter().number("median_rounds", quantile(0.5)).number("p90_rounds", quantile(0.9))
                .number("max_rounds", max()).number("median_bytes", medianBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rounds that && Arrays.equals(rounds, that.rounds) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rounds) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Rounds" + Arrays.toString(rounds);
    }
}
