package io.grapevine.sim.scenario;

import io.grapevine.core.state.KeyChange;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.NearestRank;
import io.grapevine.sim.measure.RunResult;
import io.grapevine.sim.measure.WriteSpread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * S4 writes: on a converged cluster, one write every {@link #SPACING_PERIODS} protocol periods
 * through the window, each by a random node to a key of its own (a fresh key each time, so no
 * write supersedes another). Outcome: the median over writes of the time until the last other
 * node held it; also its p90 and max, the writes some node never got within the window, and
 * the traffic per write.
 */
public final class WriteScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "write";
    /** Protocol periods between two writes. */
    public static final int SPACING_PERIODS = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "S4: one write every 5 periods by a random node; time until the last node holds each";
    }

    /**
     * A run's result and, per write, the time until the last other node held it, in ms
     * (infinite for a write some node never got within the window), in write order.
     */
    public record Detail(RunResult result, List<Double> lastNodeMs) {
        /** Copies the times. */
        public Detail {
            lastNodeMs = List.copyOf(lastNodeMs);
        }
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        return runWithDetail(config, params).result();
    }

    /** Runs the scenario and returns the per-write times beside the result. */
    public static Detail runWithDetail(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        h.inject();
        long resentBefore = mailResends(h);
        List<WriteSpread> writes = new ArrayList<>();
        long spacing = SPACING_PERIODS * h.periodNanos();
        for (long at = h.injectedAtNanos(); at + spacing <= h.windowEndNanos(); at += spacing) {
            h.sim.runUntil(at);
            int writer = h.sim.scenarioRandom().nextInt(h.size());
            if (!h.sim.isUp(writer)) {
                continue;
            }
            KeyChange change = h.sim.put(writer, "w" + writes.size(), new byte[8]);
            WriteSpread spread = new WriteSpread(h.sim.name(writer), change.key(), change.newVersion(),
                    h.upNodesExcept(writer), h.sim.nowNanos());
            h.sim.addObserver(spread);
            writes.add(spread);
        }
        h.sim.runUntil(h.windowEndNanos());
        double[] lastNodeMs = new double[writes.size()];
        int unreached = 0;
        for (int i = 0; i < writes.size(); i++) {
            long reached = writes.get(i).reachedAtNanos();
            if (reached < 0) {
                unreached++;
                lastNodeMs[i] = Double.POSITIVE_INFINITY;
            } else {
                lastNodeMs[i] = (reached - writes.get(i).startNanos()) / 1e6;
            }
        }
        List<Double> inWriteOrder = new ArrayList<>(lastNodeMs.length);
        for (double ms : lastNodeMs) {
            inWriteOrder.add(ms);
        }
        Arrays.sort(lastNodeMs);
        double windowSeconds = (h.windowEndNanos() - h.injectedAtNanos()) / 1e9;
        int n = writes.size();
        int failed = unreached;
        long median = n == 0 ? -1 : h.injectedAtNanos() + (long) (NearestRank.of(lastNodeMs, 0.5) * 1e6);
        RunResult result = h.result(n > 0 && failed == 0 ? median : -1, b -> b
                .add("writes", "", n)
                .add("writes_unreached", "", failed)
                .add("last_node_p90_ms", "ms", NearestRank.of(lastNodeMs, 0.9))
                .add("last_node_max_ms", "ms", n == 0 ? Double.NaN : lastNodeMs[n - 1])
                .add("writes_per_s", "/s", n / windowSeconds)
                .add("mail_resends_per_write", "", n == 0 ? 0 : (mailResends(h) - resentBefore) / (double) n));
        return new Detail(result, inWriteOrder);
    }

    /** Direct-mail resends (mail, recipient) of every running node so far. */
    private static long mailResends(Harness h) {
        long resent = 0;
        for (int i = 0; i < h.size(); i++) {
            if (h.sim.isUp(i)) {
                resent += h.sim.node(i).directMail().resent();
            }
        }
        return resent;
    }

}
