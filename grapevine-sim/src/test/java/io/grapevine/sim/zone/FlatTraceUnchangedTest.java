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
 * commit c5ad984, the parent of the zones branch). A deliberate change of the flat protocol
 * (a merge that changes what a flat node sends) changes these hashes: re-pin them then, after
 * checking that the change is the intended one.
 */
class FlatTraceUnchangedTest {
    private static final List<String> BEFORE_ZONES = List.of("join=59b02076d8e2b513", "failure=236181a494a73f87",
            "kill=7fd2e581b807ef1c", "event=36a9b2683a9eb158", "leave=3fdf02da3424a905", "pause=3f3406b1d6295ddd",
            "partition-heal=6fc385351e27a681", "slow-nodes=ec33a44d3a51042b", "bootstrap=3a275f97378c0ec3",
            "restart=afd7c84b0efa2ae", "idle=3072776a5bc32aac");

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
