package io.grapevine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code grapevine example block-log}: its flags' validation and a small simulator table. */
class BlockLogCommandTest {
    @Test
    void badFlagsExitTwoNamingTheFlag() {
        assertThat(CommandLineRun.of("example", "block-log", "sim", "--nodes", "1").err()).contains("--nodes must be in 2..100000: 1");
        CommandLineRun fanout = CommandLineRun.of("example", "block-log", "sim", "--fanout", "-1");
        assertThat(fanout.exitCode()).isEqualTo(2);
        assertThat(fanout.err()).contains("--fanout: fanout must be in 0..1000: -1");
        assertThat(CommandLineRun.of("example", "block-log", "sim", "--mode", "gossip").err()).contains("--mode: 'gossip'");
        assertThat(CommandLineRun.of("example", "block-log", "sim", "--loss", "1").exitCode()).isEqualTo(2);
        assertThat(CommandLineRun.of("example", "block-log", "measure", "--nodes", "100").err()).contains("--nodes must be in 2..64");
        assertThat(CommandLineRun.of("example", "block-log", "demo", "--blocks", "0").err()).contains("--blocks must be in 1..1000");
        assertThat(CommandLineRun.of("example", "block-log", "sim", "--pull-peers", "0").err()).contains("--pull-peers: pullPeers");
    }

    @Test
    void theSimulatorTableHasARowPerModeAndTheSameSeedGivesTheSameTrace() {
        String[] args = {"example", "block-log", "sim", "--nodes", "16", "--blocks", "3", "--loss", "0.05", "--seed", "4"};
        CommandLineRun first = CommandLineRun.of(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("N=16 loss=0.05 seed=4 blocks=3");
        assertThat(first.out()).containsPattern("(?m)^pull +3/3 ").containsPattern("(?m)^both +3/3 ").containsPattern("(?m)^push ");
        String trace = first.out().replaceAll("(?s).*trace ([0-9a-f]{16}).*", "$1");
        assertThat(CommandLineRun.of(args).out()).contains("trace " + trace);
    }
}
