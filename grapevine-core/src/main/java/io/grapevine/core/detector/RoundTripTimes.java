package io.grapevine.core.detector;

import java.util.Arrays;

/** The last {@code capacity} direct-probe round-trip times, for metrics. Bounded; O(1) to record. */
public final class RoundTripTimes {
    private final long[] ring;
    private int next;
    private int size;

    /** Remembers the last {@code capacity} samples. */
    public RoundTripTimes(int capacity) {
        ring = new long[capacity];
    }

    /** Records one round trip. */
    public void record(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The longest remembered sample, or 0 when there are none; O(capacity), allocates nothing. */
    public long max() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, ring[i]);
        }
        return max;
    }

    /** The {@code q}-quantile (0..1) of the remembered samples, or 0 when there are none. */
    public long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(ring, size);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(size - 1, Math.floor(q * size))];
    }
}
