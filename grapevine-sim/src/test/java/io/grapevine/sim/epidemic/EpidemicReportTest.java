package io.grapevine.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpidemicReportTest {
    private final EpidemicConfig config = EpidemicConfig.defaults().withNodes(500);
    private final List<SpreadResult> runs = Epidemic.runs(config, 5, 4);

    @Test
    void jsonHasOneObjectPerRunAndASummary() {
        String json = EpidemicReport.json(config, 5, runs);
        assertThat(json).contains("\"runs\": [", "\"summary\": {", "\"rounds\": {\"median\": ", "\"p90\": ",
                "\"curve\": [0.002, ");
        assertThat(json.split("\\{\"run\": ", -1)).hasSize(5);
        assertThat(json).doesNotContain("NaN", "Infinity");
    }

    @Test
    void csvHasARowPerRunAndALongFormatCurve() {
        String rows = EpidemicReport.csvRuns(runs);
        assertThat(rows.lines()).hasSize(5).first().asString().startsWith("run,seed,rounds");
        String curve = EpidemicReport.csvCurve(runs);
        int expected = runs.stream().mapToInt(r -> r.curve().size()).sum() + 1;
        assertThat(curve.lines()).hasSize(expected).first().isEqualTo("run,round,informed_fraction");
    }

    @Test
    void textShowsTheTheoryNextToTheMeasurement() {
        assertThat(EpidemicReport.text(config.withSynchronous(true), 5, runs))
                .contains("log2 N + ln N (Pittel 1987)", "summary (median / p90 / max)");
    }

    @Test
    void distributionUsesNearestRankForP90() {
        Distribution d = Distribution.of(new double[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10});
        assertThat(d.median()).isEqualTo(5.5);
        assertThat(d.p90()).isEqualTo(9);
        assertThat(d.max()).isEqualTo(10);
    }
}
