package io.grapevine.sim.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static RunResult run(double outcome, double other) {
        return new RunResult.Builder("failure", 8, 1).add("outcome_ms", "ms", outcome).add("other", "", other)
                .build(!Double.isNaN(outcome), 0);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValueAndP90IsByNearestRank() {
        Summary s = Summary.of("x", "", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertThat(s.median()).isEqualTo(6);
        assertThat(s.p90()).isEqualTo(10);
        assertThat(s.max()).isEqualTo(11);
        assertThat(s.count()).isEqualTo(11);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Summary.of("x", "", new double[] {1, 2, 3, 10}).median()).isEqualTo(2.5);
    }

    @Test
    void unmeasuredValuesAreLeftOutAndAllUnmeasuredGivesNaN() {
        List<Summary> summaries = Summary.of(List.of(run(Double.NaN, 1), run(30, 2), run(10, 3)));
        assertThat(summaries).extracting(Summary::name).containsExactly("outcome_ms", "other");
        assertThat(summaries.get(0).count()).isEqualTo(2);
        assertThat(summaries.get(0).median()).isEqualTo(20);
        assertThat(Summary.of(List.of(run(Double.NaN, 1))).get(0).median()).isNaN();
    }

    @Test
    void aRunResultNamesTheMissingMeasurement() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(1, 2).value("nope"))
                .hasMessageContaining("nope");
    }
}
