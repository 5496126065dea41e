package io.grapevine.core.base;

/**
 * A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the reference
 * {@link RandomSource} for simulations and tests, and what the runtime seeds from entropy.
 * {@link #split()} derives an independent stream, so one seed can feed every node of a
 * simulation. Not thread-safe.
 */
public final class SplitMix64 implements RandomSource {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** A generator whose whole output is determined by {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A new generator seeded from this one's next output. */
    public SplitMix64 split() {
        return new SplitMix64(nextLong() ^ 0x5DEECE66DL);
    }
}
