package io.grapevine.sim.scenario;

/**
 * The knobs of the scenarios, immutable and validated: the canonical constructor names the
 * offending field and value. Durations are virtual nanoseconds. A scenario reads only the
 * fields it needs.
 *
 * @param periods length of the observation window, in protocol periods (probe intervals),
 *     counted from the fault (from the start for join and bootstrap, from the heal for
 *     partition-heal); 1..1,000,000. Default 120.
 * @param pauseNanos pause: how long the node stalls, in ns; positive. Default 3 s, below the
 *     default suspicion timeout, so the node must refute and never be declared dead.
 * @param partitionNanos partition-heal: how long the 1/3 vs 2/3 partition lasts, in ns;
 *     positive. Default 30 s, long enough for each side to declare the other dead.
 * @param downtimeNanos restart: how long the node stays down before its new life starts, in
 *     ns; at least 0. Default 2 s.
 * @param slowFraction slow-nodes: fraction of nodes that process their input late, in [0, 1];
 *     at least one node is slow when it is positive. Default 0.05.
 * @param slowDelayMinNanos slow-nodes: least extra processing delay of a slow node, in ns;
 *     positive. Default 0.5 s.
 * @param slowDelayMaxNanos slow-nodes: largest extra processing delay, in ns; at least
 *     slowDelayMinNanos. Each slow node draws its delay uniformly between the two. Default 3 s.
 * @param coldStart whether the scenarios that study a formed cluster (all but join and
 *     bootstrap) form it by N cold joins through node 0, as before, rather than from a
 *     converged view ({@code Simulation.startConverged}). Default false: a converged start,
 *     which skips the N² join traffic that dominated large runs.
 * @param writesPerSecond idle: replicated-state writes per second over the whole cluster
 *     during the window, each by a random live node to its key {@code load} (a counter of 8
 *     bytes), evenly spaced; 0..1,000,000. Default 0: a truly idle cluster.
 */
public record ScenarioConfig(
        int periods,
        long pauseNanos,
        long partitionNanos,
        long downtimeNanos,
        double slowFraction,
        long slowDelayMinNanos,
        long slowDelayMaxNanos,
        boolean coldStart,
        double writesPerSecond) {

    /** Validates every field; the message names the field and its value. */
    public ScenarioConfig {
        if (periods < 1 || periods > 1_000_000) {
            throw new IllegalArgumentException("periods must be in 1..1000000: " + periods);
        }
        positive("pauseNanos", pauseNanos);
        positive("partitionNanos", partitionNanos);
        if (downtimeNanos < 0) {
            throw new IllegalArgumentException("downtimeNanos must be >= 0: " + downtimeNanos);
        }
        if (!(slowFraction >= 0.0 && slowFraction <= 1.0)) {
            throw new IllegalArgumentException("slowFraction must be in [0, 1]: " + slowFraction);
        }
        positive("slowDelayMinNanos", slowDelayMinNanos);
        if (!(writesPerSecond >= 0 && writesPerSecond <= 1_000_000)) {
            throw new IllegalArgumentException("writesPerSecond must be in [0, 1000000]: " + writesPerSecond);
        }
        if (slowDelayMaxNanos < slowDelayMinNanos) {
            throw new IllegalArgumentException("slowDelayMaxNanos (" + slowDelayMaxNanos
                    + ") must be >= slowDelayMinNanos (" + slowDelayMinNanos + ")");
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    /** 120 periods, 3 s pause, 30 s partition, 2 s downtime, 5% slow nodes at 0.5–3 s. */
    public static ScenarioConfig defaults() {
        return new ScenarioConfig(120, 3_000_000_000L, 30_000_000_000L, 2_000_000_000L, 0.05,
                500_000_000L, 3_000_000_000L, false, 0);
    }

    /** A copy with {@code periods} set to {@code value}. */
    public ScenarioConfig withPeriods(int value) {
        return new ScenarioConfig(value, pauseNanos, partitionNanos, downtimeNanos, slowFraction, slowDelayMinNanos, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code pauseNanos} set to {@code value}. */
    public ScenarioConfig withPauseNanos(long value) {
        return new ScenarioConfig(periods, value, partitionNanos, downtimeNanos, slowFraction, slowDelayMinNanos, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code partitionNanos} set to {@code value}. */
    public ScenarioConfig withPartitionNanos(long value) {
        return new ScenarioConfig(periods, pauseNanos, value, downtimeNanos, slowFraction, slowDelayMinNanos, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code downtimeNanos} set to {@code value}. */
    public ScenarioConfig withDowntimeNanos(long value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, value, slowFraction, slowDelayMinNanos, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code slowFraction} set to {@code value}. */
    public ScenarioConfig withSlowFraction(double value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, downtimeNanos, value, slowDelayMinNanos, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code slowDelayMinNanos} set to {@code value}. */
    public ScenarioConfig withSlowDelayMinNanos(long value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, downtimeNanos, slowFraction, value, slowDelayMaxNanos, coldStart, writesPerSecond);
    }

    /** A copy with {@code slowDelayMaxNanos} set to {@code value}. */
    public ScenarioConfig withSlowDelayMaxNanos(long value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, downtimeNanos, slowFraction, slowDelayMinNanos, value, coldStart, writesPerSecond);
    }

    /** A copy with {@code coldStart} set to {@code value}. */
    public ScenarioConfig withColdStart(boolean value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, downtimeNanos, slowFraction, slowDelayMinNanos,
                slowDelayMaxNanos, value, writesPerSecond);
    }

    /** A copy with {@code writesPerSecond} set to {@code value}. */
    public ScenarioConfig withWritesPerSecond(double value) {
        return new ScenarioConfig(periods, pauseNanos, partitionNanos, downtimeNanos, slowFraction, slowDelayMinNanos,
                slowDelayMaxNanos, coldStart, value);
    }
}
