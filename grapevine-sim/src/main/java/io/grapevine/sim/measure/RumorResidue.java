package io.grapevine.sim.measure;

import io.grapevine.core.CoreConfig;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.Simulation;
import java.util.BitSet;

/**
 * One rumor alone, on the production core: residue and traffic of a rumor-mongering variant
 * (Demers et al. 1987, §1.4). A converged cluster with direct mail and event repair off (so
 * the event travels by rumor only; push-pull carries no events then), one random node fires a
 * user event, and the run goes on until no node has a rumor queued (checked every gossip
 * interval, for at most {@code maxPeriods} protocol periods); its duration is that time. The residue is the fraction of the other nodes that never delivered it;
 * the traffic is rumor transmissions per node (one per rumor per packet it rode in, as Demers
 * counts a push), and the feedback per node is the reports of "already had it" that counted.
 */
public final class RumorResidue {
    /** What one run measured. */
    public record Result(double residue, double trafficPerNode, double feedbackPerNode, double durationMs,
                         boolean finished) {
    }

    private RumorResidue() {
    }

    /**
     * Runs {@code config} (its core's {@code eventRumorPolicy} is the variant) with direct mail
     * and event repair turned off.
     */
    public static Result run(SimConfig config, int maxPeriods) {
        CoreConfig core = config.core().withGossip(g -> g.withDirectMailFanout(0).withRecentEventsRepaired(0));
        Simulation sim = new Simulation(config.withCore(core));
        long step = core.gossip().gossipIntervalNanos();
        long limit = maxPeriods * core.detector().probeIntervalNanos();
        sim.startConverged();
        sim.runFor(config.settleNanos());
        int n = sim.size();
        int origin = sim.scenarioRandom().nextInt(n);
        BitSet others = new BitSet(n);
        others.set(0, n);
        others.clear(origin);
        EventSpread spread = new EventSpread(sim.name(origin), "rumor", others);
        sim.addObserver(spread);
        long transmissionsBefore = 0;
        long feedbackBefore = 0;
        for (int i = 0; i < n; i++) {
            transmissionsBefore += sim.node(i).rumorTransmissions();
            feedbackBefore += sim.node(i).rumorFeedbackEvents();
        }
        long start = sim.nowNanos();
        sim.fireEvent(origin, "rumor", new byte[0]);
        boolean finished = false;
        while (!finished && sim.nowNanos() - start < limit) {
            sim.runFor(step);
            finished = true;
            for (int i = 0; i < n && finished; i++) {
                finished = sim.node(i).metrics().rumorQueueLength() == 0;
            }
        }
        long transmissions = -transmissionsBefore;
        long feedback = -feedbackBefore;
        for (int i = 0; i < n; i++) {
            transmissions += sim.node(i).rumorTransmissions();
            feedback += sim.node(i).rumorFeedbackEvents();
        }
        return new Result(1.0 - spread.count() / (double) (n - 1), transmissions / (double) n,
                feedback / (double) n, (sim.nowNanos() - start) / 1e6, finished);
    }
}
