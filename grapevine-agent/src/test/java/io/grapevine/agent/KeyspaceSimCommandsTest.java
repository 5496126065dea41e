package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code grapevine sim merkle} and {@code sim ring-repair} reach the simulations in grapevine-sim. */
class KeyspaceSimCommandsTest {

    @Test
    void simMerkleRepairsTwoReplicasAndPrintsOneJsonObject() {
        CommandLineRun run = CommandLineRun.of("sim", "merkle", "--keys", "1000", "--differences", "10",
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).startsWith("{").endsWith("}")
                .contains("\"keys\"", "\"differences\"", "\"merkle_bytes\"", "\"full_bytes\"")
                .containsPattern("\"repaired\"\\s*:\\s*true");
    }

    @Test
    void simMerkleNamesABadFlag() {
        CommandLineRun run = CommandLineRun.of("sim", "merkle", "--keys", "-3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--keys");
    }

    @Test
    void simRingRepairRunsToIdenticalReplicas() {
        CommandLineRun run = CommandLineRun.of("sim", "ring-repair", "--nodes", "8", "--rf", "3", "--keys", "200",
                "--loss", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isNotBlank();
    }
}
