package io.grapevine.sim.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import io.grapevine.sim.scenario.Scenario;
import io.grapevine.sim.scenario.ScenarioConfig;
import io.grapevine.sim.scenario.Scenarios;
import io.grapevine.sim.network.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zone-aware gossip is off by default and then changes nothing: every standard scenario on a
 * lossy, duplicating network gives the trace hash it gave before zones existed (measured at
 * commit 8ce21da, main just before the zones branch was merged into it; gray, added after the merge,
 * pinned when it was added; slow-nodes and gray re-pinned for proof of life, which changes what a
 * node does on a flapping member's refutation, and only in the scenarios that have one; failure, pause,
 * partition-heal, slow-nodes, gray and restart re-pinned for a relay's nack as evidence against the target;
 * failure, kill, leave, partition-heal, slow-nodes and gray re-pinned for the reconnect to a dead member on every
 * second push-pull, which runs, and draws, only where a member is dead or left; partition-heal, slow-nodes and
 * gray re-pinned for proof-of-life answers counted within a probe interval instead of a probe timeout; failure, kill,
 * pause, partition-heal, slow-nodes, gray and restart re-pinned for the accuser's reminders, sent only where a node
 * holds a suspicion of its own; join and bootstrap re-pinned for admission probes numbered at random instead of from
 * the detector's counter, which only nodes with a candidate draw; all re-pinned for clock-aligned probe slots, which
 * change every node's probe order and timing, and for the fault injected at a random point of a period). A deliberate change of the flat protocol
 * (a merge that changes what a flat node sends) changes these hashes: re-pin them then, after
 * checking that the change is the intended one.
 */
class FlatTraceUnchangedTest {
    private static final List<String> BEFORE_ZONES = List.of("join=1c96dfbd58422395", "failure=adcedfbcd5e9084a",
            "kill=a6767e4d8dda6da1", "event=c8eef24945afab6b", "write=9072c6af023e2ba2", "leave=2de4b4b080550a49",
            "pause=2037b7572d8a0fca", "partition-heal=eb27d5f2ff5f3ba0", "slow-nodes=feb5f8da68b0aff4", "gray=98b922501c135bea",
            "bootstrap=2eb934dc89640f57", "restart=5a01463e3d94c74a", "idle=a827c76aa7de96d8");

    @Test
    void withoutAZoneEveryScenarioTracesAsBeforeZonesExisted() {
        SimConfig config = SimConfig.defaults().withNodes(32).withSeed(7)
                .withNetwork(NetworkModel.defaults().withLossProbability(0.05).withDuplicateProbability(0.02));
        List<String> hashes = new ArrayList<>();
        for (Scenario scenario : Scenarios.all()) {
            hashes.add(scenario.name() + "=" + Long.toHexString(scenario.run(config, ScenarioConfig.defaults()
                    .withPeriods(30)).traceHash()));
        }
        assertThat(hashes).containsExactlyElementsOf(BEFORE_ZONES);
    }
}
