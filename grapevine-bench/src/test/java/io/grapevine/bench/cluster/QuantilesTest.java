package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void oddSampleHasTheMiddleValueAsMedian() {
        Quantiles q = Quantiles.of(List.of(30.0, 10.0, 20.0));
        assertThat(q.count()).isEqualTo(3);
        assertThat(q.median()).isEqualTo(20.0);
        assertThat(q.max()).isEqualTo(30.0);
    }

    @Test
    void evenSampleAveragesTheMiddleTwo() {
        assertThat(Quantiles.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void p90InterpolatesBetweenClosestRanks() {
        // ten values 1..10: h = 9 * 0.9 = 8.1, so 9 + 0.1 * (10 - 9)
        List<Double> values = List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
        assertThat(Quantiles.of(values).p90()).isCloseTo(9.1, within(1e-9));
        // eleven values 0..10: h = 9 exactly
        assertThat(Quantiles.of(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)).p90())
                .isEqualTo(9.0);
    }

    @Test
    void aSingleValueIsEveryQuantile() {
        assertThat(Quantiles.of(List.of(7.0))).isEqualTo(new Quantiles(1, 7.0, 7.0, 7.0));
    }

    @Test
    void emptyAndNonFiniteSamplesAreRefused() {
        assertThatThrownBy(() -> Quantiles.of(List.of())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Quantiles.of(List.of(1.0, Double.NaN))).hasMessageContaining("finite");
        assertThatThrownBy(() -> Quantiles.quantile(new double[] {1}, 1.5)).hasMessageContaining("q must be in 0..1");
    }
}
