package io.grapevine.core.base;

/**
 * The only source of randomness the core uses, injected by its driver so that the same seed
 * and the same inputs give the same outputs. Implementations need not be thread-safe: a
 * source belongs to one node.
 */
public interface RandomSource {
    /** A uniformly distributed 64-bit value. */
    long nextLong();

    /** A uniformly distributed value in {@code [0, bound)}; {@code bound} must be positive. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A uniformly distributed value in {@code [0, 1)}. */
    default double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniformly distributed value in {@code [0, bound)} for a positive long bound. */
    default long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (long) (nextDouble() * bound);
    }
}
