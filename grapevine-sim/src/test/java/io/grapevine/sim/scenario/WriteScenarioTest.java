package io.grapevine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** S4 writes: every write reaches every node, within a hop without loss, and retried mail cuts the lossy tail. */
class WriteScenarioTest {
    @Test
    void withoutLossEveryWriteReachesEveryNodeWithinTheMailHop() {
        SimConfig config = SimConfig.defaults().withNodes(24).withSeed(3);
        WriteScenario.Detail detail = WriteScenario.runWithDetail(config, ScenarioConfig.defaults().withPeriods(30));
        assertThat(detail.result().value("writes")).isEqualTo(6);
        assertThat(detail.result().value("writes_unreached")).isZero();
        // direct mail reaches every member in one hop: 0.5-2 ms of LAN latency
        assertThat(detail.lastNodeMs()).allSatisfy(ms -> assertThat(ms).isLessThan(2.5));
    }

    @Test
    void underHeavyLossRetriedMailBoundsTheTailThatMailSentOnceLeavesToGossip() {
        SimConfig base = SimConfig.defaults().withNodes(24).withSeed(4);
        SimConfig lossy = base.withNetwork(base.network().withLossProbability(0.2));
        ScenarioConfig params = ScenarioConfig.defaults().withPeriods(60);
        WriteScenario.Detail retried = WriteScenario.runWithDetail(lossy, params);
        WriteScenario.Detail once = WriteScenario.runWithDetail(
                lossy.withCore(lossy.core().withGossip(g -> g.withDirectMailRetries(0))), params);
        double worstRetried = retried.lastNodeMs().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double worstOnce = once.lastNodeMs().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // two resends at 50 and 150 ms: a node misses all three mails with probability 0.2^3
        assertThat(worstOnce).isGreaterThan(worstRetried);
        assertThat(retried.result().value("writes_unreached")).isZero();
        assertThat(once.result().value("writes_unreached")).isZero();
    }
}
