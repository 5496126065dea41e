package io.grapevine.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.SplitMix64;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static Network network(NetworkModel model) {
        return new Network(model, new SplitMix64(7), 4);
    }

    @Test
    void uniformLatencyStaysWithinBasePlusJitter() {
        Network net = network(NetworkModel.defaults());
        for (int i = 0; i < 10_000; i++) {
            assertThat(net.datagramDelay(0, 1)).isBetween(500_000L, 2_000_000L);
            assertThat(net.streamDelay(0, 1)).isBetween(1_500_000L, 3_000_000L);
        }
    }

    @Test
    void exponentialJitterHasATailButIsCut() {
        Network net = network(NetworkModel.defaults().withJitter(Jitter.EXPONENTIAL));
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            max = Math.max(max, net.sampleLatency());
        }
        assertThat(max).isGreaterThan(2_000_000L).isLessThanOrEqualTo(500_000L + 15_000_000L);
    }

    @Test
    void lossDropsAboutTheConfiguredShareOfDatagramsButNoStreams() {
        Network net = network(NetworkModel.defaults().withLossProbability(0.25));
        int lost = 0;
        for (int i = 0; i < 10_000; i++) {
            if (net.datagramDelay(0, 1) == Network.LOST) {
                lost++;
            }
            assertThat(net.streamDelay(0, 1)).isPositive();
        }
        assertThat(lost).isBetween(2_300, 2_700);
    }

    @Test
    void aSymmetricPartitionCutsBothDirectionsUntilHealed() {
        Network net = network(NetworkModel.defaults());
        net.partition(new int[] {1, 1, 0, 0});
        assertThat(net.datagramDelay(0, 2)).isEqualTo(Network.CUT);
        assertThat(net.streamDelay(2, 0)).isEqualTo(Network.CUT);
        assertThat(net.reachable(0, 1)).isTrue();
        assertThat(net.reachable(2, 3)).isTrue();
        net.heal();
        assertThat(net.reachable(0, 2)).isTrue();
        assertThat(net.reachable(2, 0)).isTrue();
    }

    @Test
    void aBlockedLinkCutsOneDirectionOnly() {
        Network net = network(NetworkModel.defaults());
        net.block(0, 1);
        assertThat(net.reachable(0, 1)).isFalse();
        assertThat(net.reachable(1, 0)).isTrue();
        net.unblock(0, 1);
        assertThat(net.reachable(0, 1)).isTrue();
    }

    @Test
    void duplicationHappensAtAboutTheConfiguredRate() {
        Network net = network(NetworkModel.defaults().withDuplicateProbability(0.1));
        int duplicates = 0;
        for (int i = 0; i < 10_000; i++) {
            if (net.duplicate()) {
                duplicates++;
            }
        }
        assertThat(duplicates).isBetween(850, 1_150);
    }
}
