package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimDemoCommandTest {

    @Test
    void theDemoReportsJoinDetectionFalsePositivesAndTraffic() {
        CommandLineRun run = CommandLineRun.of("sim", "demo");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Grapevine demo: 64 simulated nodes, seed 42")
                .contains("join:      every node saw all 64 members alive")
                .contains("crash:")
                .contains("detection: every survivor saw")
                .contains("false positives: 0 running node(s) declared dead")
                .contains("traffic:")
                .containsPattern("trace [0-9a-f]{16}");
    }

    @Test
    void aBadNodeCountIsAUsageErrorNamingTheFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "demo", "--nodes", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--nodes");
    }
}
