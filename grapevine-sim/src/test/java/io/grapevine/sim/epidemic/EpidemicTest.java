package io.grapevine.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EpidemicTest {
    private static final EpidemicConfig BASE = EpidemicConfig.defaults();

    @ParameterizedTest
    @EnumSource(SpreadStyle.class)
    void sameSeedGivesTheSameResult(SpreadStyle style) {
        EpidemicConfig config = BASE.withStyle(style).withNodes(2_000).withLoss(0.05);
        assertThat(Epidemic.runs(config, 42, 3)).isEqualTo(Epidemic.runs(config, 42, 3));
        assertThat(Epidemic.run(config, 43)).isEqualTo(Epidemic.runs(config, 42, 2).get(1));
    }

    @ParameterizedTest
    @EnumSource(SpreadMode.class)
    void antiEntropyWithoutLossAlwaysReachesEveryone(SpreadMode mode) {
        for (boolean sync : new boolean[] {true, false}) {
            EpidemicConfig config = BASE.withMode(mode).withSynchronous(sync).withNodes(1_000);
            for (SpreadResult result : Epidemic.runs(config, 1, 20)) {
                assertThat(result.finished()).isTrue();
                assertThat(result.residue()).isZero();
                assertThat(result.curve()).hasSize(result.rounds() + 1).endsWith(1.0);
            }
        }
    }

    @Test
    void antiEntropyWithLossStillReachesEveryoneJustLater() {
        EpidemicConfig config = BASE.withMode(SpreadMode.PUSH_PULL).withNodes(1_000).withLoss(0.3);
        for (SpreadResult result : Epidemic.runs(config, 1, 10)) {
            assertThat(result.residue()).isZero();
        }
    }

    @Test
    void synchronousPushMatchesPittelWithinThreeRounds() {
        int nodes = 10_000;
        EpidemicConfig config = BASE.withNodes(nodes).withSynchronous(true);
        double median = Distribution.of(Epidemic.runs(config, 1, 10), SpreadResult::rounds).median();
        // Pittel 1987: log2 N + ln N + O(1) = 22.5 for N = 10^4
        assertThat(median).isBetween(Theory.pushRounds(nodes) - 3, Theory.pushRounds(nodes) + 3);
    }

    @Test
    void pushPullIsFasterThanPush() {
        EpidemicConfig push = BASE.withNodes(10_000).withSynchronous(true);
        EpidemicConfig pushPull = push.withMode(SpreadMode.PUSH_PULL);
        double pushMedian = Distribution.of(Epidemic.runs(push, 1, 10), SpreadResult::rounds).median();
        double pushPullMedian = Distribution.of(Epidemic.runs(pushPull, 1, 10), SpreadResult::rounds).median();
        assertThat(pushPullMedian).isLessThan(pushMedian);
        // Karp et al. 2000: log3 N + O(ln ln N) = 10.6 for N = 10^4
        assertThat(pushPullMedian).isBetween(Theory.pushPullRounds(10_000) - 3, Theory.pushPullRounds(10_000) + 3);
    }

    @Test
    void pullEndsQuadraticallyAfterDoubling() {
        EpidemicConfig pull = BASE.withNodes(10_000).withSynchronous(true).withMode(SpreadMode.PULL);
        for (SpreadResult result : Epidemic.runs(pull, 1, 5)) {
            List<Double> curve = result.curve();
            // once half are informed, the uninformed fraction at most squares (plus noise) each round
            int half = 0;
            while (curve.get(half) < 0.5) {
                half++;
            }
            assertThat(result.rounds() - half).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void feedbackCounterRumorTradesTrafficForResidueAsKGrows() {
        EpidemicConfig rumor = BASE.withStyle(SpreadStyle.RUMOR).withNodes(1_000);
        double previousResidue = 1;
        double previousTraffic = 0;
        for (int k = 1; k <= 3; k++) {
            List<SpreadResult> runs = Epidemic.runs(rumor.withRumor(RumorFeedback.FEEDBACK, RumorStop.COUNTER, k), 1, 20);
            double residue = Distribution.of(runs, SpreadResult::residue).median();
            double traffic = Distribution.of(runs, SpreadResult::trafficPerNode).median();
            assertThat(residue).isLessThan(previousResidue);
            assertThat(traffic).isGreaterThan(previousTraffic);
            // Demers et al.: s = e^-m, within 20% here
            assertThat(residue).isCloseTo(Theory.residueForTraffic(traffic),
                    org.assertj.core.data.Percentage.withPercentage(20));
            previousResidue = residue;
            previousTraffic = traffic;
        }
    }

    @Test
    void rumorRepliesAreCountedAsMessagesButNotAsTraffic() {
        EpidemicConfig feedback = BASE.withStyle(SpreadStyle.RUMOR).withNodes(1_000);
        SpreadResult result = Epidemic.run(feedback, 7);
        assertThat(result.finished()).isTrue();
        assertThat(result.totalMessages()).isGreaterThan(result.updateMessages());
        SpreadResult blind = Epidemic.run(feedback.withRumor(RumorFeedback.BLIND, RumorStop.COIN, 2), 7);
        assertThat(blind.totalMessages()).isEqualTo(blind.updateMessages());
    }

    @Test
    void directMailWithoutLossReachesEveryoneWithNMinusOneMessages() {
        EpidemicConfig direct = BASE.withStyle(SpreadStyle.DIRECT).withNodes(5_000);
        SpreadResult result = Epidemic.run(direct, 3);
        assertThat(result.residue()).isZero();
        assertThat(result.rounds()).isEqualTo(1);
        assertThat(result.totalMessages()).isEqualTo(4_999);
        assertThat(result.updateMessages()).isEqualTo(4_999);
        assertThat(result.bytes()).isEqualTo(4_999L * (64 + 32));
    }

    @Test
    void directMailResidueIsTheLostFraction() {
        SpreadResult result = Epidemic.run(BASE.withStyle(SpreadStyle.DIRECT).withNodes(100_000).withLoss(0.2), 3);
        assertThat(result.residue()).isBetween(0.19, 0.21);
    }

    @Test
    void aHundredThousandNodesRunQuickly() {
        long start = System.nanoTime();
        SpreadResult result = Epidemic.run(BASE.withNodes(100_000).withMode(SpreadMode.PUSH_PULL), 1);
        assertThat(result.residue()).isZero();
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    }

    @Test
    void configNamesTheBadField() {
        assertThatThrownBy(() -> BASE.withNodes(1)).hasMessageStartingWith("nodes");
        assertThatThrownBy(() -> BASE.withFanout(0)).hasMessageStartingWith("fanout");
        assertThatThrownBy(() -> BASE.withLoss(1.0)).hasMessageStartingWith("loss");
        assertThatThrownBy(() -> BASE.withRumor(RumorFeedback.BLIND, RumorStop.COIN, 0)).hasMessageStartingWith("k ");
        assertThatThrownBy(() -> BASE.withStyle(SpreadStyle.RUMOR).withMode(SpreadMode.PULL))
                .hasMessageStartingWith("mode");
    }

    @Test
    void theoryMatchesTheClosedForms() {
        assertThat(Theory.pushRounds(1_000)).isCloseTo(9.966 + 6.908, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Theory.pushPullRounds(1_000)).isCloseTo(6.288 + 1.933, org.assertj.core.data.Offset.offset(0.01));
        // the published Table 1 pairs themselves satisfy s = e^-m
        for (int k = 0; k < 5; k++) {
            assertThat(Theory.DEMERS_TABLE1_RESIDUE.get(k)).isCloseTo(
                    Theory.residueForTraffic(Theory.DEMERS_TABLE1_TRAFFIC.get(k)),
                    org.assertj.core.data.Percentage.withPercentage(5));
        }
        assertThat(Theory.meanFieldResidue(RumorFeedback.FEEDBACK, 1)).isCloseTo(0.2032,
                org.assertj.core.data.Offset.offset(0.001));
    }
}
