package io.grapevine.core.keyspace;

/**
 * A hybrid logical clock (Kulkarni et al., 2014), packed in one {@code long}: the high 48 bits
 * are milliseconds of physical (wall-clock) time, the low 16 a logical counter. Each stamp is
 * greater than every stamp this clock issued or observed before, and never behind the
 * physical time it was given; a counter that overflows carries into the milliseconds.
 *
 * <p>Physical time is an input (the core reads no clock): the node passes wall-clock
 * milliseconds derived from its driver. An observed stamp more than {@code maxAheadMillis}
 * ahead of physical time (a peer with a broken clock) is not adopted, so it cannot drag this
 * clock into the future. Confined to one thread.
 */
public final class HybridClock {
    /** Bits of the logical counter. */
    public static final int LOGICAL_BITS = 16;

    private final long maxAheadMillis;
    private long last;

    /**
     * A clock that has issued nothing newer than {@code initial} (0, or the newest stamp found
     * in the store after a restart).
     */
    public HybridClock(long initial, long maxAheadMillis) {
        this.last = initial;
        this.maxAheadMillis = maxAheadMillis;
    }

    /** The physical part of a stamp, in milliseconds. */
    public static long millisOf(long hlc) {
        return hlc >>> LOGICAL_BITS;
    }

    /** The smallest stamp at physical time {@code millis}. */
    public static long ofMillis(long millis) {
        return Math.max(0, millis) << LOGICAL_BITS;
    }

    /** A new stamp for a local write at physical time {@code physicalMillis}. */
    public long tick(long physicalMillis) {
        long physical = ofMillis(physicalMillis);
        last = physical > last ? physical : last + 1;
        return last;
    }

    /** Takes in a stamp seen on a received entry; the next {@link #tick} is greater than it. */
    public void observe(long hlc, long physicalMillis) {
        if (hlc > last && millisOf(hlc) <= physicalMillis + maxAheadMillis) {
            last = hlc;
        }
    }

    /** The newest stamp issued or observed. */
    public long last() {
        return last;
    }
}
