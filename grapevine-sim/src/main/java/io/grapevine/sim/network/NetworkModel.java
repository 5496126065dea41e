package io.grapevine.sim.network;

/**
 * How the simulated network treats each packet, immutable and validated: the canonical
 * constructor names the offending field and value. Durations are nanoseconds; probabilities
 * are per packet and independent.
 *
 * <p>A datagram's one-way latency is {@code baseLatencyNanos + jitter}, sampled independently
 * for every packet, so packets overtake each other (reordering) whenever the jitter exceeds
 * their spacing. A stream message takes the same sample plus {@code streamExtraLatencyNanos}
 * and is never lost or duplicated (it models a TCP connection), but it obeys partitions,
 * crashes and pauses like a datagram.
 *
 * @param baseLatencyNanos fixed part of every one-way latency, in ns, at least 0. Default 0.5 ms (a LAN hop).
 * @param jitterNanos scale of the random part of the latency, in ns, at least 0. Default 1.5 ms, so LAN latencies fall in 0.5–2 ms.
 * @param jitter shape of the random part. Default {@link Jitter#UNIFORM}.
 * @param lossProbability chance that a datagram is dropped, in [0, 1]. Default 0.
 * @param duplicateProbability chance that a delivered datagram arrives twice (with an independent latency), in [0, 1). Default 0.
 * @param streamExtraLatencyNanos added to a stream message's latency (connection set-up), in ns, at least 0. Default 1 ms.
 */
public record NetworkModel(
        long baseLatencyNanos,
        long jitterNanos,
        Jitter jitter,
        double lossProbability,
        double duplicateProbability,
        long streamExtraLatencyNanos) {

    /** Validates every field; the message names the field and its value. */
    public NetworkModel {
        nonNegative("baseLatencyNanos", baseLatencyNanos);
        nonNegative("jitterNanos", jitterNanos);
        if (jitter == null) {
            throw new IllegalArgumentException("jitter must not be null");
        }
        if (!(lossProbability >= 0.0 && lossProbability <= 1.0)) {
            throw new IllegalArgumentException("lossProbability must be in [0, 1]: " + lossProbability);
        }
        if (!(duplicateProbability >= 0.0 && duplicateProbability < 1.0)) {
            throw new IllegalArgumentException("duplicateProbability must be in [0, 1): " + duplicateProbability);
        }
        nonNegative("streamExtraLatencyNanos", streamExtraLatencyNanos);
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    /** The LAN profile: 0.5–2 ms one-way, no loss, no duplication. */
    public static NetworkModel defaults() {
        return new NetworkModel(500_000L, 1_500_000L, Jitter.UNIFORM, 0.0, 0.0, 1_000_000L);
    }

    /** Same as {@link #defaults()}. */
    public static NetworkModel lan() {
        return defaults();
    }

    /** A wide-area profile: 20 ms base, exponential jitter with a long tail, 0.5% loss. */
    public static NetworkModel wan() {
        return new NetworkModel(20_000_000L, 20_000_000L, Jitter.EXPONENTIAL, 0.005, 0.0, 20_000_000L);
    }

    /** A copy with {@code baseLatencyNanos} set to {@code value}. */
    public NetworkModel withBaseLatencyNanos(long value) {
        return new NetworkModel(value, jitterNanos, jitter, lossProbability, duplicateProbability, streamExtraLatencyNanos);
    }

    /** A copy with {@code jitterNanos} set to {@code value}. */
    public NetworkModel withJitterNanos(long value) {
        return new NetworkModel(baseLatencyNanos, value, jitter, lossProbability, duplicateProbability, streamExtraLatencyNanos);
    }

    /** A copy with {@code jitter} set to {@code value}. */
    public NetworkModel withJitter(Jitter value) {
        return new NetworkModel(baseLatencyNanos, jitterNanos, value, lossProbability, duplicateProbability, streamExtraLatencyNanos);
    }

    /** A copy with {@code lossProbability} set to {@code value}. */
    public NetworkModel withLossProbability(double value) {
        return new NetworkModel(baseLatencyNanos, jitterNanos, jitter, value, duplicateProbability, streamExtraLatencyNanos);
    }

    /** A copy with {@code duplicateProbability} set to {@code value}. */
    public NetworkModel withDuplicateProbability(double value) {
        return new NetworkModel(baseLatencyNanos, jitterNanos, jitter, lossProbability, value, streamExtraLatencyNanos);
    }

    /** A copy with {@code streamExtraLatencyNanos} set to {@code value}. */
    public NetworkModel withStreamExtraLatencyNanos(long value) {
        return new NetworkModel(baseLatencyNanos, jitterNanos, jitter, lossProbability, duplicateProbability, value);
    }
}
