package io.grapevine.sim.scenario;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.SimObserver;
import io.grapevine.sim.measure.RunResult;
import java.util.IntSummaryStatistics;
import java.util.stream.IntStream;

/**
 * Gray failure (issue 18): one random node (not node 0) silently loses {@link #EGRESS_LOSS} of
 * the datagrams it sends, for the whole window; everything it receives arrives. Measures, per
 * healthy observer, how often its view of the lossy node changed status (the flapping between
 * suspect and alive; an event that leaves the status as it was, such as an incarnation bump of a
 * member held alive or a suspicion at a higher incarnation of a member held suspect, is not
 * counted), and the suspicions and deaths of healthy members shown in healthy views (the
 * lossy node's accusations reaching them). Outcome: none of the latter, as a verdict.
 */
public final class GrayFailureScenario implements Scenario {
    /** The command-line name. */
    public static final String NAME = "gray";
    /** The fraction of the lossy node's outgoing datagrams that are lost. */
    public static final double EGRESS_LOSS = 0.8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one node loses 80% of what it sends: its flapping per observer, and healthy members suspected";
    }

    /** Counts, at healthy observers, changes about the lossy node and accusations of healthy ones. */
    private static final class Watch implements SimObserver {
        private final int lossy;
        private final String lossyName;
        private final int[] changesSeen;
        private final MemberStatus[] statusSeen;
        private long healthySuspicions;
        private long healthyDeaths;

        Watch(int lossy, String lossyName, int size) {
            this.lossy = lossy;
            this.lossyName = lossyName;
            this.changesSeen = new int[size];
            this.statusSeen = new MemberStatus[size];
            java.util.Arrays.fill(statusSeen, MemberStatus.ALIVE); // every view holds it alive after the warm-up
        }

        @Override
        public void onEvent(int node, ClusterEvent event, long nowNanos) {
            if (node == lossy || !(event instanceof ClusterEvent.MemberChanged changed)) {
                return;
            }
            if (changed.member().name().equals(lossyName)) {
                // a change of status: an incarnation bump of a member held alive, or a suspicion at a
                // higher incarnation of a member already held suspect, is none
                MemberStatus status = changed.member().status();
                if (status != statusSeen[node]) {
                    changesSeen[node]++;
                }
                statusSeen[node] = status;
            } else if (changed.change() == Change.SUSPECTED) {
                healthySuspicions++;
            } else if (changed.change() == Change.FAILED) {
                healthyDeaths++;
            }
        }
    }

    @Override
    public RunResult run(SimConfig config, ScenarioConfig params) {
        Harness h = new Harness(NAME, config, params);
        h.warmUp();
        int lossy = h.pickNonSeed();
        Watch watch = new Watch(lossy, h.sim.name(lossy), h.size());
        h.sim.addObserver(watch);
        h.inject();
        h.sim.degradeEgress(lossy, EGRESS_LOSS);
        h.sim.runUntil(h.windowEndNanos());
        String lossyName = h.sim.name(lossy);
        IntSummaryStatistics changes = IntStream.range(0, h.size()).filter(i -> i != lossy)
                .map(i -> watch.changesSeen[i]).summaryStatistics();
        long holdingDead = IntStream.range(0, h.size()).filter(i -> i != lossy)
                .filter(i -> h.sim.node(i).member(lossyName).map(m -> m.status().isGone()).orElse(false)).count();
        long accusationsHeld = IntStream.range(0, h.size()).mapToLong(i -> h.sim.node(i).accusationsHeld()).sum();
        return h.verdict(watch.healthySuspicions == 0 && watch.healthyDeaths == 0, b -> b
                .add("lossy_changes_max", "", changes.getCount() == 0 ? 0 : changes.getMax())
                .add("lossy_changes_mean", "", changes.getAverage())
                .add("healthy_suspicions_shown", "", watch.healthySuspicions)
                .add("healthy_deaths_shown", "", watch.healthyDeaths)
                .add("observers_holding_lossy_dead", "", holdingDead)
                .add("accusations_held", "", accusationsHeld));
    }
}
