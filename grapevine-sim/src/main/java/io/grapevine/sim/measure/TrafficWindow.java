package io.grapevine.sim.measure;

import io.grapevine.sim.SimStats;
import io.grapevine.sim.Simulation;

/**
 * Traffic over a window of virtual time: opened at one moment, read at a later one, as packets
 * and bytes sent per running node per second of virtual time.
 */
public final class TrafficWindow {
    private final Simulation sim;
    private final SimStats start;
    private final long startNanos;

    /** Opens a window on {@code sim} now. */
    public TrafficWindow(Simulation sim) {
        this.sim = sim;
        this.start = sim.stats();
        this.startNanos = sim.nowNanos();
    }

    /** Packets (datagrams and stream messages) sent per running node per second since opening. */
    public double packetsPerNodePerSecond() {
        return perNodePerSecond(sim.stats().minus(start).packetsSent());
    }

    /** Bytes sent per running node per second since opening. */
    public double bytesPerNodePerSecond() {
        return perNodePerSecond(sim.stats().minus(start).bytesSent());
    }

    /** Counters accumulated since opening. */
    public SimStats stats() {
        return sim.stats().minus(start);
    }

    private double perNodePerSecond(long count) {
        double seconds = (sim.nowNanos() - startNanos) / 1e9;
        int up = 0;
        for (int i = 0; i < sim.size(); i++) {
            if (sim.isUp(i)) {
                up++;
            }
        }
        return seconds <= 0 || up == 0 ? Double.NaN : count / (double) up / seconds;
    }
}
