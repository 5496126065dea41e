package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuietStartTest {
    @Test
    void theThresholdGrowsWithTheNodesAndStopsAtHalfTheMachine() {
        // 8 nodes: 0.22 CPU allowed, 55 ms of CPU per 250 ms window
        assertThat(QuietStart.isQuiet(0.054, 250, 8, 2)).isTrue();
        assertThat(QuietStart.isQuiet(0.056, 250, 8, 2)).isFalse();
        // 64 nodes on 2 CPUs: capped at 1 CPU, 250 ms per window
        assertThat(QuietStart.isQuiet(0.249, 250, 64, 2)).isTrue();
        assertThat(QuietStart.isQuiet(0.251, 250, 64, 2)).isFalse();
    }

    @Test
    void nodesInThisJvmPassAtOnce() throws Exception {
        assertThat(QuietStart.await(List.of())).isTrue();
    }
}
