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
 * pinned when it was added; pause, partition-heal, slow-nodes and gray re-pinned for proof of
 * life, which changes what a node does on a refutation, and only in the scenarios that have one). A deliberate change of the flat protocol
 * (a merge that changes what a flat node sends) changes these hashes: re-pin them then, after
 * checking that the change is the intended one.
 */
class FlatTraceUnchangedTest {
    private static final List<String> BEFORE_ZONES = List.of("join=96ecd5dcebfb0a07", "failure=f1d04378ab1b7a39",
            "kill=b4e077096eb09fef", "event=ed38f110f32f989f", "write=f3f76952f370566a", "leave=429c8087b9dccce1",
            "pause=47de5ebe1ed6b508", "partition-heal=1ac4749a6a97eb9", "slow-nodes=c590568a668ae0", "gray=c3fc1dc2d555b1e3",
            "bootstrap=c960bc8176a5a1ef", "restart=b9f786ab79570b06", "idle=3072776a5bc32aac");

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
