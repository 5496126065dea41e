package io.grapevine.core.detector;

/**
 * Lifeguard's local health awareness: a score in {@code [0, max - 1]} that rises when this
 * node misses acks and nacks it should have received or has to refute a suspicion of itself,
 * and falls with every successful probe. A node with a high score is probably the slow one,
 * so it stretches its own probe interval and timeout by {@link #multiplier()} instead of
 * accusing others.
 */
public final class LocalHealth {
    private final int maxMultiplier;
    private int score;

    /** A healthy node whose multiplier may reach {@code maxMultiplier}. */
    public LocalHealth(int maxMultiplier) {
        this.maxMultiplier = maxMultiplier;
    }

    /** Adds {@code delta} to the score, clamped to the range. */
    public void apply(int delta) {
        score = Math.max(0, Math.min(maxMultiplier - 1, score + delta));
    }

    /** The current score; 0 is healthy. */
    public int score() {
        return score;
    }

    /** The factor to stretch probe interval and timeout by: {@code score + 1}. */
    public int multiplier() {
        return score + 1;
    }
}
