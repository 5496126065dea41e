package io.grapevine.sim.scenario;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.RunResult;

/**
 * S5 idle cost: a converged cluster in which nothing happens (or only {@code --write-rate} writes) (apart from the network's loss,
 * duplication and jitter) for the whole window. Measures the steady-state traffic per node, and
 * every DEAD verdict is a false positive. The outcome is reached when the window passes without
 * one.
 */
public final class IdleScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "idle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S5: a converged cluster idles for --periods; traffic per node and false positives";
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        boolean converged = h.warmUp();
        h.inject();
        if (params.writesPerSecond() == 0) {
            h.sim.runUntil(h.windowEndNanos());
        } else {
            writeThroughTheWindow(h, params.writesPerSecond());
        }
        return h.verdict(converged && h.falsePositives.pairs() == 0,
                b -> b.add("false_positive_events", "", h.falsePositives.events())
                        .add("writes_per_s", "/s", params.writesPerSecond())
                        .add("heap_bytes_per_node", "B", h.heapBytesPerNode()));
    }

    /** Evenly spaced writes, each by a random live node to its {@code load} key, until the window ends. */
    private static void writeThroughTheWindow(Harness h, double writesPerSecond) {
        long spacing = Math.max(1, (long) (1e9 / writesPerSecond));
        long counter = 0;
        for (long at = h.injectedAtNanos() + spacing; at < h.windowEndNanos(); at += spacing) {
            h.sim.runUntil(at);
            int writer = h.sim.scenarioRandom().nextInt(h.size());
            if (h.sim.isUp(writer)) {
                h.sim.put(writer, "load", java.nio.ByteBuffer.allocate(8).putLong(++counter).array());
            }
        }
        h.sim.runUntil(h.windowEndNanos());
    }
}
