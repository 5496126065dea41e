package io.grapevine.sim.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** A heavy writer with and without flow control: flow control cuts the traffic and keeps quiet writes fresh. */
class FlowLoadTest {
    @Test
    void flowControlCutsTheWritersTrafficAndKeepsQuietWritesReachingEveryone() {
        SimConfig base = SimConfig.defaults().withNodes(48).withSeed(5);
        FlowLoad.Result off = FlowLoad.run(base.withCore(base.core().withGossip(g -> g.withFlowBudgetBytesPerSecond(0))),
                400, 400, 6, 6);
        FlowLoad.Result on = FlowLoad.run(base.withCore(base.core().withGossip(g -> g.withFlowBudgetBytesPerSecond(64 * 1024))),
                400, 400, 6, 6);
        assertThat(on.writerBytesS()).isLessThan(off.writerBytesS() / 2);
        assertThat(on.meanBytesPerNodeS()).isLessThan(off.meanBytesPerNodeS());
        assertThat(on.quietUnreached()).isZero();
        assertThat(on.falsePositivePairs()).isZero();
        assertThat(on.bytesPerSecond()).hasSize(5);
    }
}
