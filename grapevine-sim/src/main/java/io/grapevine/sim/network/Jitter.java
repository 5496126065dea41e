package io.grapevine.sim.network;

/** The shape of the random part of a link's one-way latency. */
public enum Jitter {
    /** Uniform on {@code [0, jitterNanos]}: bounded, LAN-like. */
    UNIFORM,
    /**
     * Exponential with mean {@code jitterNanos / 2}, cut at ten times {@code jitterNanos}: a
     * long tail of slow packets, as on a loaded or wide-area network.
     */
    EXPONENTIAL
}
